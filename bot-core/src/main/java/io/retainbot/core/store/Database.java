package io.retainbot.core.store;

import io.retainbot.core.RetainBotException;
import io.retainbot.core.port.CursorStore;
import io.retainbot.core.port.FileStore;
import io.retainbot.core.port.PhotoStore;
import io.retainbot.core.port.Housekeeping;
import io.retainbot.core.port.StoreException;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.port.WebChatStore;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The entry to the store: migrates the schema and hands out the {@link Transactor} that every
 * service uses. One instance per data source; thread-safe.
 */
public final class Database {
    /** Every SqlObject interface of the store (a test keeps this list complete). */
    static final List<Class<?>> DAOS = List.of(ComplaintDao.class, ConversationDao.class, CursorDao.class,
            CustomerDao.class, EventDao.class, FeedbackDao.class, FileDao.class, HousekeepingDao.class, InboxDao.class,
            InteractionDao.class, OutboxDao.class, SettingDao.class, StaffDao.class, WebChatDao.class, SegmentDao.class,
            TemplateDao.class, OfferDao.class, BroadcastDao.class, OwnershipDao.class,
            CustomerRecordsDao.class, ServiceReportDao.class, StaffPostDao.class, KnownIssueDao.class, OptOutDao.class,
            PhotoDao.class, StaffAccountDao.class, OutreachChangeDao.class);

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
        describeDaosOnce(jdbi);
        this.transactor = new JdbiTransactor(jdbi);
    }

    /**
     * Jdbi keeps what it learns about a SqlObject interface (by reflection) in the {@link Extensions}
     * configuration, and every handle starts from a copy of the Jdbi-level one. DAOs are only ever
     * attached to handles, so that cache would stay empty and each transaction would describe every
     * DAO it touches again. Describing them here, once, lets every handle start with the answers.
     */
    private static void describeDaosOnce(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class).orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> dao : DAOS) {
            extensions.findMetadata(dao, sqlObjects);
        }
    }

    /** Opens the store on a data source without touching the schema. */
    public static Database on(DataSource dataSource) {
        return new Database(dataSource);
    }

    /** Brings the schema up to date with the migrations in {@code db/migration}. */
    public Database migrate() {
        return migrate(dataSource);
    }

    /**
     * Brings the schema up to date over {@code using}: connections without the statement and socket
     * timeouts of the running pool, since a migration may rightly take long.
     */
    public Database migrate(DataSource using) {
        Flyway flyway = Flyway.configure()
                .dataSource(using)
                .locations("classpath:db/migration")
                .load();
        refuseNewerSchema(flyway);
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + e.getMessage(), e);
        }
        return this;
    }

    /**
     * A schema a newer RetainBot migrated (after an upgrade that was rolled back) is refused: this version's code
     * would run on tables it does not know, where Flyway alone only warns.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> newest = Arrays.stream(all)
                .filter(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (newest.isEmpty()) {
            return;
        }
        String known = Arrays.stream(all).filter(migration -> migration.getState().isResolved())
                .reduce((first, second) -> second).map(migration -> migration.getVersion().getVersion()).orElse("none");
        throw new RetainBotException("the database was migrated by a newer RetainBot (schema version "
                + newest.get().getVersion().getVersion() + "; this version knows up to " + known
                + "): start the newer RetainBot again, or restore the backup taken before the upgrade");
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

    /** The photos templates carry, for the platform gateways that send them; each call its own transaction. */
    public PhotoStore photos() {
        return OwnTransactionStores.photos(transactor);
    }

    /** Pruning of working rows, each batch its own transaction. */
    public Housekeeping housekeeping() {
        return new JdbiHousekeeping(jdbi, transactor);
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
