/** Where the data lives: the embedded PostgreSQL under DATA_DIR, or an external server from DATABASE_URL. */
package io.retainbot.app.db;
