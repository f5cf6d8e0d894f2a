// The fleet's tests all talk to JetStream through NATS.Net.
global using NATS.Client.JetStream;
global using NATS.Client.JetStream.Models;
global using NATS.Net;
