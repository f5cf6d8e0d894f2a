// clients-c: a small nats.c (Debian libnats-dev 3.4.1) application used by
// samples-logs/clients/generate.sh. It logs the way nats.c's own examples do: printf of each
// connection callback (with natsConnection_GetLastError where there is one), "Error: %u - %s" of a
// failed call's natsStatus, then nats_PrintLastErrorStack(stderr), the library's own error stack.
//
//   clients-c SCENARIO URL [USER PASS] [RUN_MS]
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ": <last error>" when the connection has one, "" when it ended cleanly.
static void lastError(natsConnection *nc, char *buf, size_t len)
{
    const char *txt = NULL;
    natsStatus s = natsConnection_GetLastError(nc, &txt);
    if (s == NATS_OK)
        buf[0] = '\0';
    else
        snprintf(buf, len, ": %s", (txt == NULL || *txt == '\0') ? natsStatus_GetText(s) : txt);
}

static void disconnectedCb(natsConnection *nc, void *closure)
{
    char err[256];
    lastError(nc, err, sizeof(err));
    printf("Disconnected%s\n", err);
    fflush(stdout);
}

static void reconnectedCb(natsConnection *nc, void *closure)
{
    char url[256] = "";
    natsConnection_GetConnectedUrl(nc, url, sizeof(url));
    printf("Reconnected to %s\n", url);
    fflush(stdout);
}

static void closedCb(natsConnection *nc, void *closure)
{
    char err[256];
    lastError(nc, err, sizeof(err));
    printf("Connection closed%s\n", err);
    fflush(stdout);
}

static void asyncErrCb(natsConnection *nc, natsSubscription *sub, natsStatus err, void *closure)
{
    char txt[256];
    lastError(nc, txt, sizeof(txt));
    printf("Async error: %u - %s%s\n", err, natsStatus_GetText(err), txt);
    fflush(stdout);
}

static void noop(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure)
{
    natsMsg_Destroy(msg);
}

static void slow(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure)
{
    nats_Sleep(20);
    natsMsg_Destroy(msg);
}

static void responder(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure)
{
    if (natsMsg_GetReply(msg) != NULL)
        natsConnection_PublishString(nc, natsMsg_GetReply(msg), "{\"rate\":1.08}");
    natsMsg_Destroy(msg);
}

static int fail(const char *what, natsStatus s)
{
    printf("Error: %s: %u - %s\n", what, s, natsStatus_GetText(s));
    fflush(stdout);
    nats_PrintLastErrorStack(stderr);
    return 1;
}

int main(int argc, char **argv)
{
    const char *scenario = argv[1], *url = argv[2];
    const char *user = argc > 3 ? argv[3] : "", *pass = argc > 4 ? argv[4] : "";
    int runMs = argc > 5 ? atoi(argv[5]) : 2000;
    natsOptions *opts = NULL;
    natsConnection *nc = NULL;
    natsSubscription *sub = NULL, *svc = NULL;
    natsMsg *reply = NULL;
    natsStatus s;
    int rc = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    natsOptions_Create(&opts);
    natsOptions_SetURL(opts, url);
    natsOptions_SetName(opts, "fx-rates-c");
    natsOptions_SetReconnectWait(opts, 250);
    natsOptions_SetMaxReconnect(opts, 8);
    natsOptions_SetTimeout(opts, 5000);
    if (*user)
        natsOptions_SetUserInfo(opts, user, pass);
    if (getenv("NATS_CREDS") != NULL)
        natsOptions_SetUserCredentialsFromFiles(opts, getenv("NATS_CREDS"), NULL);
    if (strcmp(scenario, "network-stale-connection") == 0)
    {
        natsOptions_SetPingInterval(opts, 1000);
        natsOptions_SetMaxPingsOut(opts, 2);
    }
    natsOptions_SetDisconnectedCB(opts, disconnectedCb, NULL);
    natsOptions_SetReconnectedCB(opts, reconnectedCb, NULL);
    natsOptions_SetClosedCB(opts, closedCb, NULL);
    natsOptions_SetErrorHandler(opts, asyncErrCb, NULL);

    s = natsConnection_Connect(&nc, opts);
    if (s != NATS_OK)
        return fail("connect", s);
    {
        char cu[256] = "";
        natsConnection_GetConnectedUrl(nc, cu, sizeof(cu));
        printf("Connected to %s\n", cu);
    }

    if (strcmp(scenario, "healthy") == 0)
    {
        natsConnection_Subscribe(&sub, nc, "fx.>", noop, NULL);
        natsConnection_Subscribe(&svc, nc, "fx.lookup", responder, NULL);
        printf("Subscribed to fx.>\n");
        for (int i = 1; i <= 3; i++)
            natsConnection_PublishString(nc, "fx.updated", "{\"pair\":\"EURUSD\"}");
        s = natsConnection_RequestString(&reply, nc, "fx.lookup", "{\"pair\":\"EURUSD\"}", 2000);
        if (s != NATS_OK)
            rc = fail("request", s);
        else
            printf("Reply: %.*s\n", natsMsg_GetDataLength(reply), natsMsg_GetData(reply));
    }
    else if (strcmp(scenario, "auth-permissions-violation") == 0)
    {
        natsConnection_Subscribe(&sub, nc, "orders.>", noop, NULL);
        printf("Subscribed to orders.>\n");
        natsConnection_PublishString(nc, "orders.created", "{\"by\":\"worker\"}");
        natsConnection_PublishString(nc, "admin.shutdown", "{\"by\":\"worker\"}");
        natsConnection_Subscribe(&svc, nc, "admin.events", noop, NULL);
        natsConnection_Flush(nc);
        nats_Sleep(300);
    }
    else if (strcmp(scenario, "payload-max-payload") == 0)
    {
        static char big[4096];
        printf("Server max payload is %d bytes\n", (int) natsConnection_GetMaxPayload(nc));
        s = natsConnection_Publish(nc, "images.uploaded", big, sizeof(big));
        if (s != NATS_OK)
            fail("publish", s);
    }
    else if (strcmp(scenario, "overload-slow-consumer") == 0 || strcmp(scenario, "overload-client-slow-consumer") == 0)
    {
        natsConnection_Subscribe(&sub, nc, "metrics.>", slow, NULL);
        natsSubscription_SetPendingLimits(sub, 500, 4 * 1024 * 1024);
        printf("Subscribed to metrics.>\n");
        nats_Sleep(runMs);
    }
    else if (strcmp(scenario, "unreachable-server-stopped") == 0
             || strcmp(scenario, "network-stale-connection") == 0
             || strcmp(scenario, "network-connection-reset") == 0
             || strcmp(scenario, "auth-expired-credentials") == 0
             || strcmp(scenario, "healthy-server-restart") == 0
             || strcmp(scenario, "healthy-cluster-rolling-restart") == 0)
    {
        int64_t end = nats_Now() + runMs;
        natsConnection_Subscribe(&sub, nc, "prices.>", noop, NULL);
        printf("Subscribed to prices.>\n");
        for (int n = 1; nats_Now() < end; n++)
        {
            char tick[64];
            snprintf(tick, sizeof(tick), "{\"tick\":%d}", n);
            s = natsConnection_PublishString(nc, "ticks.eurusd", tick);
            if (s != NATS_OK)
            {
                rc = fail("publish", s);
                break;
            }
            nats_Sleep(200);
        }
    }
    else if (strcmp(scenario, "client-request-timeout") == 0 || strcmp(scenario, "no-responders") == 0)
    {
        s = natsConnection_RequestString(&reply, nc, "fx.lookup", "{\"pair\":\"EURCHF\"}", 1000);
        if (s != NATS_OK)
            fail("request fx.lookup", s);
        else
            printf("Reply: %.*s\n", natsMsg_GetDataLength(reply), natsMsg_GetData(reply));
    }

    if (natsConnection_IsClosed(nc) == false)
    {
        s = natsConnection_DrainTimeout(nc, 2000);
        if (s != NATS_OK && s != NATS_CONNECTION_CLOSED)
            fail("drain", s);
        for (int i = 0; i < 40 && !natsConnection_IsClosed(nc); i++)
            nats_Sleep(50);
    }
    natsMsg_Destroy(reply);
    natsSubscription_Destroy(sub);
    natsSubscription_Destroy(svc);
    natsConnection_Destroy(nc);
    natsOptions_Destroy(opts);
    nats_Close();
    return rc;
}
