package io.retainbot.core.port;

/** Placeholder until the customer file lands. */
public interface InteractionLog {
}
