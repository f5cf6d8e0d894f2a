using LogTriage.Input;
using CsCheck;
using LogTriage.Parsing;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// Templates of every shape, well-formed or not, parsed by Serilog's own parser, written by
/// CompactJsonFormatter and rendered back by the reader: the reader must find the same tokens,
/// escapes and text as Serilog, and render them as Serilog does (but for the documented quoting).
/// </summary>
[SetCulture("en-US")]
public class ClefMessageTemplateTests
{
    private static readonly string[] Pieces =
    [
        "{", "}", "{{", "}}", "A", "B", "D", "Z", "_u", "7", "@", "$", ":", ",", "-", "0", "5", " ", "x", ".", "+", "|", "\"", "é", "٣", "ⅷ", "\n",
        "{A}", "{B:000}", "{A,-6}", "{D,8:0.0}", "{@E}", "{$F}", "{C}", "{G}", "{Z}", "{B,3}", "{A:l}", "{E:x}", "{_u}", "{7}", "{When:HH:mm}", "{B,-0}", "{A,٣}", "{1_}", "{@@A}",
    ];

    private static readonly LogEventProperty[] Properties =
    [
        new("A", new ScalarValue("say \"hi\"")),
        new("B", new ScalarValue(42)),
        new("C", new ScalarValue(true)),
        new("D", new ScalarValue(12.345)),
        new("E", new StructureValue([new LogEventProperty("Id", new ScalarValue(7)), new LogEventProperty("Name", new ScalarValue("x"))], "Order")),
        new("F", new SequenceValue([new ScalarValue(1), new ScalarValue("two")])),
        new("G", new ScalarValue(null)),
        new("_u", new ScalarValue("under")),
        new("7", new ScalarValue("seven")),
        new("When", new ScalarValue(new DateTime(2026, 11, 25, 10, 30, 0))),
    ];

    private static readonly Gen<string> Templates = Gen.Int[0, Pieces.Length - 1].Array[0, 12].Select(i => string.Concat(i.Select(p => Pieces[p])));

    private static string? Seed(string ciSeed) => Environment.GetEnvironmentVariable("CI") == "true" ? ciSeed : null;

    [Test]
    public void Any_template_renders_as_Serilog_renders_it()
    {
        var parser = new MessageTemplateParser();
        var formatter = new CompactJsonFormatter();
        Templates.Sample(template =>
        {
            var logEvent = new Serilog.Events.LogEvent(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), LogEventLevel.Information, null,
                parser.Parse(template), Properties);
            var line = new StringWriter();
            formatter.Format(logEvent, line);

            var read = new ClefLogFormat().CreateParser("fuzz").Parse([new InputLine(1, line.ToString().TrimEnd('\n', '\r'))]).Single();
            Assert.That(read.Parsed, Is.True, line.ToString());
            Assert.That(read.Message, Is.EqualTo(ClefLogFormatTests.SerilogRendering.WithStringsUnquoted(logEvent)), line.ToString());
        }, seed: Seed("8moCemEF0x81"), iter: 5000, threads: 1);
    }

    [TestCase("Connect succeed {Name}, NATS {Url}", "Connect succeed orders, NATS nats://n:4222")]
    [TestCase("{{Name}} is {Name}", "{Name} is orders")]
    [TestCase("{Name", "{Name")]
    [TestCase("{Name}}}", "orders}")]
    [TestCase("{ Name }", "{ Name }")]
    [TestCase("{Name,-8}|{Name,8}", "orders  |  orders")]
    [TestCase("{Name,0}{Name,x}{Name,}{Name,-}{Name,+1}", "orders{Name,x}{Name,}{Name,-}{Name,+1}")]
    [TestCase("{+{Name}{Name}", "{+{Name}orders")]
    [TestCase("{Unknown:0.00}", "{Unknown:0.00}")]
    public void A_template_of_NATS_Net_or_an_odd_one_renders_as_written_here(string template, string expected)
    {
        var json = System.Text.Json.JsonDocument.Parse("{\"Name\":\"orders\",\"Url\":\"nats://n:4222\"}");
        Assert.That(ClefMessageTemplate.Render(template, json.RootElement), Is.EqualTo(expected));
    }
}
