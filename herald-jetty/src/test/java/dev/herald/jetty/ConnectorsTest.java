package dev.herald.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.hub.Hub;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

class ConnectorsTest {

    @Test
    void acceptQueueHoldsAReconnectStormNotTheJdkDefaultOfFifty() {
        Server server = new Server();

        var connector = Connectors.create(server, HeraldServer.builder(Hub.builder().build()));

        assertThat(connector.getAcceptQueueSize()).isEqualTo(Connectors.ACCEPT_QUEUE_SIZE).isGreaterThanOrEqualTo(1024);
    }
}
