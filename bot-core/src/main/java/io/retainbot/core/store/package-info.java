/**
 * Jdbi implementations of the store ports. The only package that knows Jdbi: one SqlObject DAO
 * per aggregate (package-private), rows as records, SQL as text blocks or {@code .sql} files.
 */
package io.retainbot.core.store;
