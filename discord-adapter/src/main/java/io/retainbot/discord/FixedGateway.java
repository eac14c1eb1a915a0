package io.retainbot.discord;

import java.net.URI;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/** Tests only: a session controller that connects to a local fake gateway instead of Discord's. */
final class FixedGateway extends SessionControllerAdapter {
    private final URI gateway;

    FixedGateway(URI gateway) {
        this.gateway = gateway;
    }

    @Override
    public String getGateway() {
        return gateway.toString();
    }
}
