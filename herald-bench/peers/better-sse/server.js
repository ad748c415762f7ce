// better-sse as the bench's peer: GET /sub?topic=T streams channel T; POST /pub?topic=T with a
// text/plain body broadcasts that body as one event. A comment every 15 s (keepAlive), as Herald's
// heartbeat. better-sse keeps no history: a reconnect replays nothing.
const http = require("node:http");
const { createSession, createChannel } = require("better-sse");

const port = Number(process.env.PORT || 8085);
const channels = new Map();
const channel = (topic) => {
  if (!channels.has(topic)) channels.set(topic, createChannel());
  return channels.get(topic);
};

http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const topic = url.searchParams.get("topic") || "bench";
  if (req.method === "GET" && url.pathname === "/sub") {
    const session = await createSession(req, res, { keepAlive: 15000, serializer: String });
    channel(topic).register(session);
  } else if (req.method === "POST" && url.pathname === "/pub") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      channel(topic).broadcast(body);
      res.writeHead(200, { "Content-Length": "0" }).end();
    });
  } else {
    res.writeHead(404).end();
  }
}).listen(port, "127.0.0.1", 4096, () => console.log(`better-sse on ${port} pid ${process.pid}`));
