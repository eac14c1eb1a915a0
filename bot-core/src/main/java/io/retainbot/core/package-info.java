/**
 * RetainBot's core, in layers whose arrows point down only (checked by ArchUnit):
 * <ul>
 *   <li>{@code chat}: the vocabulary (events, channel references, outbound messages, send outcomes);</li>
 *   <li>{@code business}, {@code customer}, {@code complaint}, {@code staff}, {@code feedback},
 *       {@code i18n}, {@code event}: the domain and its past-tense events, importing only the vocabulary;</li>
 *   <li>{@code flow}: the dialogue, pure functions of (state, event, now);</li>
 *   <li>{@code engine}: the one door every event enters (platform updates and due events); {@code outbox}: sending;</li>
 *   <li>{@code usecase}: staff operations; {@code reaction}: durable reactions to domain events;
 *       {@code schedule}: time as an input through db-scheduler, and retention;</li>
 *   <li>{@code outreach}: segments, templates, calendar rules, offer codes and the customer file as CSV,
 *       with use cases that work through the ports;</li>
 *   <li>{@code port}: what the core needs from outside; {@code store}: its Jdbi implementation.</li>
 * </ul>
 * Beside them, at the root: {@link io.retainbot.core.RetainBotException}, the one unchecked exception root, and
 * {@link io.retainbot.core.DaemonThreads}, the named daemon threads every pool of RetainBot's runs on.
 * Nothing here knows Telegram, Discord or an HTTP server.
 */
package io.retainbot.core;
