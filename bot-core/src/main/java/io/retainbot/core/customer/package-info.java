/**
 * The customer file (the handbooks' first step: know who your customers are and keep improving what
 * you know): profiles, birthdays, consent to greetings and offers, tags and opportunity tiers, the
 * platform identities a customer is reached on, and the append-only log of every interaction.
 */
package io.retainbot.core.customer;
