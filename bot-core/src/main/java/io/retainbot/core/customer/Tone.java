package io.retainbot.core.customer;

/** How the bot addresses a customer: formal by default, friendly if they prefer. */
public enum Tone {
    FORMAL,
    FRIENDLY
}
