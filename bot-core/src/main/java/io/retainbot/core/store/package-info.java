/**
 * Jdbi implementations of the store ports. The only package that knows Jdbi: one SqlObject DAO
 * per aggregate (package-private), rows as records, SQL as text blocks or {@code .sql} files.
 * {@link io.retainbot.core.store.Database} describes every DAO to Jdbi once, at start-up. The few
 * statements that every inbound event runs (inbox, conversation lock and save, customer seen,
 * interaction log, outbox enqueue) and those of first contact and of filing a complaint (complaint
 * number, complaint, domain event) are plain JDBC on the transaction's connection
 * ({@code JdbcStatements}), because through a SqlObject each cost more Java time than the SQL
 * itself; a DAO is attached to a transaction only when one of its other calls is made (README,
 * Performance).
 */
package io.retainbot.core.store;
