/**
 * Jdbi implementations of the store ports. The only package that knows Jdbi: one SqlObject DAO
 * per aggregate (package-private), rows as records, SQL as text blocks or {@code .sql} files.
 * {@link io.retainbot.core.store.Database} describes every DAO to Jdbi once, at start-up. The two
 * statements that nearly every customer event runs ({@code JdbiEventIntake}: accept = inbox record,
 * conversation lock, customer seen; finish = interaction log, conversation save, replies with their
 * chat head), the stores' own versions of those steps, and the statements of first contact and of
 * filing a complaint (complaint number, complaint, domain event) are plain JDBC on the transaction's
 * connection ({@code JdbcStatements}), because through a SqlObject each cost more Java time than the
 * SQL itself, and each round trip to PostgreSQL costs about as much as the work it carries; a DAO is
 * attached to a transaction only when one of its other calls is made (README, Performance).
 */
package io.retainbot.core.store;
