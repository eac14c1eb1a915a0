package io.retainbot.core.store;

import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.port.WebChatStore;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The entry to the store: migrates the schema and hands out the {@link Transactor} that every
 * service uses. One instance per data source; thread-safe.
 */
public final class Database {
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiTransactor transactor;

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin())
                .installPlugin(new Jackson2Plugin());
        jdbi.getConfig(Jackson2Config.class).setMapper(Json.MAPPER);
        this.transactor = new JdbiTransactor(jdbi);
    }

    /** Opens the store on a data source without touching the schema. */
    public static Database on(DataSource dataSource) {
        return new Database(dataSource);
    }

    /** Brings the schema up to date with the migrations in {@code db/migration}. */
    public Database migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + e.getMessage(), e);
        }
        return this;
    }

    public Transactor transactor() {
        return transactor;
    }

    /** Named stream positions for an adapter, each call its own transaction. */
    public CursorStore cursors() {
        return OwnTransactionStores.cursors(transactor);
    }

    /** The web chat's messages for the chat page, each call its own transaction. */
    public WebChatStore webChat() {
        return OwnTransactionStores.webChat(transactor);
    }

    /** Files customers uploaded to the web chat, each call its own transaction. */
    public FileStore files() {
        return OwnTransactionStores.files(transactor);
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
