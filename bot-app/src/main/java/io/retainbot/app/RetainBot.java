package io.retainbot.app;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.retainbot.core.DaemonThreads;
import io.retainbot.app.config.AppConfig;
import io.retainbot.app.config.BusinessFile;
import io.retainbot.app.db.DatabaseRuntime;
import io.retainbot.app.config.ScheduleSettings;
import io.retainbot.app.http.AdminAccess;
import io.retainbot.app.http.CareRoutes;
import io.retainbot.app.http.CustomerRoutes;
import io.retainbot.app.http.BroadcastRoutes;
import io.retainbot.app.http.HttpServer;
import io.retainbot.app.http.MetricsAccess;
import io.retainbot.app.http.CustomerDataRoutes;
import io.retainbot.app.http.KeepInTouchRoutes;
import io.retainbot.app.http.KnownIssueRoutes;
import io.retainbot.app.http.OutreachRoutes;
import io.retainbot.app.http.PhotoRoutes;
import io.retainbot.app.http.SalesRoutes;
import io.retainbot.app.http.RefusalLog;
import io.retainbot.app.http.ReportRoutes;
import io.retainbot.app.http.RequestLimits;
import io.retainbot.app.http.StaffRoutes;
import io.retainbot.app.http.TelegramWebhookRoute;
import io.retainbot.app.web.RateLimiter;
import io.retainbot.app.web.WebChat;
import io.retainbot.app.web.WebChatGateway;
import io.retainbot.console.ComplaintDesk;
import io.retainbot.console.HandoverDesk;
import io.retainbot.console.Console;
import io.retainbot.console.CustomerDesk;
import io.retainbot.console.MarketingDesk;
import io.retainbot.console.OfferDesk;
import io.retainbot.console.ReportDesk;
import io.retainbot.console.access.Accounts;
import io.retainbot.console.access.Passwords;
import io.retainbot.core.business.BusinessConfig;
import io.retainbot.core.chat.ChannelRef;
import io.retainbot.core.chat.Platform;
import io.retainbot.core.engine.ConversationEngine;
import io.retainbot.core.engine.DueReceipt;
import io.retainbot.core.business.OpeningCalendar;
import io.retainbot.core.business.ClusterRule;
import io.retainbot.core.customer.AccountReviews;
import io.retainbot.core.customer.CheckIns;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.i18n.Messages;
import io.retainbot.core.outbox.OutboxDispatcher;
import io.retainbot.core.outreach.BroadcastRunner;
import io.retainbot.core.outreach.Broadcasts;
import io.retainbot.core.outreach.CustomerExport;
import io.retainbot.core.outreach.CustomerImport;
import io.retainbot.core.outreach.OfferCodeGenerator;
import io.retainbot.core.outreach.Offers;
import io.retainbot.core.outreach.Greetings;
import io.retainbot.core.outreach.OutreachChanges;
import io.retainbot.core.outreach.OutreachReport;
import io.retainbot.core.outreach.Photos;
import io.retainbot.core.outreach.Segments;
import io.retainbot.core.outreach.SendPolicy;
import io.retainbot.core.outreach.TemplateRenderer;
import io.retainbot.core.outreach.Templates;
import io.retainbot.core.outbox.PlatformSenders;
import io.retainbot.core.outbox.SenderPool;
import io.retainbot.core.port.ChatGateway;
import io.retainbot.core.port.PhotoSource;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.AskForBirthday;
import io.retainbot.core.reaction.FlagClusters;
import io.retainbot.core.reaction.NoteSkippedCheckIn;
import io.retainbot.core.reaction.PlanCheckIns;
import io.retainbot.core.reaction.ScheduleCheckIn;
import io.retainbot.core.reaction.ReactionRelay;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.AssignOwner;
import io.retainbot.core.reaction.WatchPromise;
import io.retainbot.core.reaction.PingStaff;
import io.retainbot.core.reaction.EraseOnRequest;
import io.retainbot.core.reaction.MoveToAfterSales;
import io.retainbot.core.reaction.ReopenOnLowScore;
import io.retainbot.core.reaction.ShowPhotosToStaff;
import io.retainbot.core.reaction.ShowStaffProgress;
import io.retainbot.core.reaction.StaffChats;
import io.retainbot.core.reaction.ScheduleSurvey;
import io.retainbot.core.schedule.Retention;
import io.retainbot.core.schedule.Timekeeper;
import io.retainbot.core.store.Database;
import io.retainbot.core.usecase.ComplaintCare;
import io.retainbot.core.usecase.CustomerCare;
import io.retainbot.core.usecase.CustomerFile;
import io.retainbot.core.usecase.Ownership;
import io.retainbot.core.usecase.PromiseWatch;
import io.retainbot.core.usecase.Reviews;
import io.retainbot.core.usecase.ServiceReports;
import io.retainbot.core.usecase.CustomerData;
import io.retainbot.core.usecase.KnownIssues;
import io.retainbot.core.usecase.StaffDirectory;
import io.retainbot.discord.DiscordAdapter;
import io.retainbot.telegram.TelegramAdapter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RetainBot assembled: database, engine, outbox dispatcher, channels and HTTP server, wired with
 * plain constructors. {@link #start} brings everything up or, if any part fails, stops what it
 * started and throws one {@link StartupFailure}; {@link #close} stops in reverse order (see {@link Lifecycle}).
 */
public final class RetainBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetainBot.class);
    private static final int SCHEDULER_THREADS = 4;
    private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);
    /** The recurring task that posts each owner's weekly list of account reviews due. */
    private static final String WEEKLY_REVIEW_LISTS = "weekly-review-lists";

    private final Lifecycle lifecycle;
    private final HttpServer http;
    private final Transactor transactor;

    private RetainBot(Lifecycle lifecycle, HttpServer http, Transactor transactor) {
        this.lifecycle = lifecycle;
        this.http = http;
        this.transactor = transactor;
    }

    /**
     * @param showAdminToken told a generated admin token, the one time it exists in clear
     */
    public static RetainBot start(AppConfig config, Clock clock, Consumer<String> showAdminToken) {
        return start(config, clock, showAdminToken, link -> { });
    }

    /**
     * @param showAdminToken told a generated admin token, the one time it exists in clear
     * @param showSetUpLink  told the console's one-time set-up link while no admin can sign in yet (a new
     *                       link at each start until one can; earlier links stop working)
     */
    public static RetainBot start(AppConfig config, Clock clock, Consumer<String> showAdminToken,
                                  Consumer<String> showSetUpLink) {
        return start(config, clock, showAdminToken, showSetUpLink, new Lifecycle());
    }

    /**
     * @param lifecycle where what starts is handed over: {@link Lifecycle#stop} (from a shutdown hook) stops it
     *                  even while the start is still going on
     */
    public static RetainBot start(AppConfig config, Clock clock, Consumer<String> showAdminToken,
                                  Consumer<String> showSetUpLink, Lifecycle lifecycle) {
        try {
            Messages catalog = Messages.builtIn();
            BusinessConfig business = config.businessConfig().map(file -> new BusinessFile(catalog).read(file))
                    .orElseGet(BusinessConfig::defaults);
            Messages messages = Messages.load(business.templates());
            Stages stages = config.businessConfig().map(file -> new BusinessFile(catalog).readStages(file))
                    .orElse(Stages.DEFAULT);
            CheckIns checkIns = config.businessConfig().map(file -> new BusinessFile(catalog).readCheckIns(file))
                    .orElse(CheckIns.DEFAULT);
            ClusterRule clusterRule = config.businessConfig().map(file -> new BusinessFile(catalog).readClusters(file))
                    .orElse(ClusterRule.DEFAULT);
            AccountReviews accountReviews = config.businessConfig()
                    .map(file -> new BusinessFile(catalog).readReviews(file)).orElse(AccountReviews.DEFAULT);

            PrometheusMeterRegistry meters = meters();
            DatabaseRuntime runtime = DatabaseRuntime.start(config, meters);
            lifecycle.started(runtime);
            log.info("data in {}", runtime.description());
            Database database = Database.on(runtime.dataSource()).migrate(runtime.migrationDataSource());
            Transactor transactor = database.transactor();
            AdminAccess admin = AdminAccess.establish(config.adminToken(), transactor, new SecureRandom(),
                    showAdminToken);

            List<ChatGateway> gateways = new ArrayList<>();
            Set<ChannelRef> staffChannels = new java.util.LinkedHashSet<>();
            PhotoLibrary photoLibrary = new PhotoLibrary(database.photos(), database.files(),
                    config.telegram().map(settings -> TelegramAdapter.photosSentOn(settings, clock)).orElse(PhotoSource.NONE),
                    config.discord().isPresent() ? DiscordAdapter.photosSentOn(clock) : PhotoSource.NONE);
            gateways.add(new WebChatGateway(database.webChat(), database.files(), photoLibrary, new SecureRandom(), clock));
            Optional<TelegramAdapter> telegram = config.telegram().map(settings -> new TelegramAdapter(settings, clock,
                    photoLibrary));
            telegram.ifPresent(adapter -> {
                gateways.add(adapter.gateway());
                adapter.staffChannel().ifPresent(staffChannels::add);
            });
            Optional<DiscordAdapter> discord = config.discord()
                    .map(settings -> new DiscordAdapter(settings, messages, business, clock, photoLibrary));
            discord.ifPresent(adapter -> {
                gateways.add(adapter.gateway());
                adapter.staffChannel().ifPresent(staffChannels::add);
            });
            // each platform its own bounded senders: a platform that hangs holds only its own
            List<PlatformSenders> senders = new ArrayList<>();
            for (ChatGateway gateway : gateways) {
                // enough senders for the platform's budget (1,000 a second with Telegram's paid broadcasts)
                int concurrency = PlatformSenders.concurrencyFor(gateway.bulkPerSecond());
                ExecutorService pool = SenderPool.create("retainbot-send-" + gateway.platform().code(), concurrency);
                lifecycle.started(() -> shutdown(pool));
                senders.add(new PlatformSenders(gateway, pool, concurrency));
            }
            OutboxDispatcher dispatcher = new OutboxDispatcher(transactor, senders, OutboxDispatcher.newInstanceId(),
                    clock, meters);
            dispatcher.start(DaemonThreads.named("retainbot-outbox"));
            // on shutdown, after inbound traffic stopped: sends in flight finish and record their outcomes
            lifecycle.started(() -> dispatcher.drain(SHUTDOWN_DRAIN));
            ScheduleSettings schedule = config.schedule();
            Timekeeper timekeeper = new Timekeeper(runtime.dataSource(), clock,
                    new Timekeeper.Settings(instanceName(), schedule.pollInterval(), SCHEDULER_THREADS));
            StaffChats staffChats = new StaffChats(messages, business, config.staffLanguage(),
                    List.copyOf(staffChannels));
            Reactions reactions = Reactions.of(new ScheduleSurvey(timekeeper, schedule.surveyDelay(),
                    schedule.surveyReminder()),
                    new ReopenOnLowScore(staffChats.texts()), new AssignOwner(config.staffDesk().ownerRule()),
                    new WatchPromise(timekeeper, business, config.staffDesk().alertStages()),
                    new PingStaff(staffChats), new ShowStaffProgress(staffChats), new ShowPhotosToStaff(staffChats),
                    new AskForBirthday(timekeeper, schedule.birthdayAskDelay()),
                    new EraseOnRequest(staffChats), new MoveToAfterSales(stages),
                    new PlanCheckIns(checkIns, business.zone()), new ScheduleCheckIn(timekeeper),
                    new NoteSkippedCheckIn(),
                    new FlagClusters(staffChats, business, clusterRule));
            ReactionRelay relay = new ReactionRelay(transactor, reactions, clock);
            Runnable afterCommit = () -> {
                dispatcher.wakeUp();
                relay.wakeUp();
            };
            Reviews reviews = new Reviews(transactor, accountReviews, business.zone(), staffChats, timekeeper, clock,
                    afterCommit);
            ConversationEngine engine = new ConversationEngine(transactor, messages, business, staffChats, clock,
                    afterCommit, reactions, schedule.botContact().pacedBy(config.outreach().policy()), stages, reviews);
            // the same use cases the staff chats call, so both doors say and change the same
            ComplaintCare complaintCare = engine.complaintCare();
            CustomerCare customerCare = new CustomerCare(transactor, reactions, clock, afterCommit);
            CareRoutes care = new CareRoutes(complaintCare, customerCare, engine.handoverCare());
            StaffRoutes staff = new StaffRoutes(new StaffDirectory(transactor, business, clock));
            ServiceReports serviceReports = new ServiceReports(transactor, business, clock);
            OutreachReport outreachReport = new OutreachReport(transactor);
            ReportRoutes reports = new ReportRoutes(serviceReports, outreachReport, business);
            CustomerFile customerFile = new CustomerFile(transactor, reactions, clock);
            Ownership ownership = new Ownership(transactor, reactions, clock, afterCommit);
            CustomerRoutes customers = new CustomerRoutes(customerFile, ownership);
            // Reactions and time start after the engine and stop before the dispatcher drains (closed in reverse).
            relay.start(DaemonThreads.named("retainbot-reactions"));
            lifecycle.started(relay);
            Set<Platform> platforms = gateways.stream().map(ChatGateway::platform).collect(Collectors.toSet());
            PromiseWatch watch = new PromiseWatch(transactor, reactions, messages, business, staffChats, clock,
                    afterCommit);
            timekeeper.weekly(WEEKLY_REVIEW_LISTS, accountReviews.listDay(), accountReviews.listTime(), business.zone(),
                    reviews::postWeeklyLists);
            timekeeper.start(due -> watch.handles(due) ? receipt(watch.alert(due)) : engine.acceptDue(due),
                    new Retention(database.housekeeping(), schedule.retention(), clock), schedule.retention(),
                    runner(transactor, messages, business, clock, dispatcher, platforms, config.outreach().policy(),
                            messengerBudget(gateways)));
            lifecycle.started(timekeeper);

            WebChat webChat = new WebChat(engine, database.webChat(), database.files(), messages, business, clock,
                    new SecureRandom(),
                    new RateLimiter(config.webChat().messagesPerMinute(), Duration.ofMinutes(1), clock),
                    new RateLimiter(config.webChat().sessionsPerMinute(), Duration.ofMinutes(1), clock));
            // the REST API and the console call the same outreach use cases
            Segments segments = new Segments(transactor, clock);
            Templates templates = new Templates(transactor,
                    new TemplateRenderer(messages, business.companyName(), business.zone()), clock);
            Offers offers = new Offers(transactor, new OfferCodeGenerator(new SecureRandom()), clock);
            CustomerImport customerImport = new CustomerImport(transactor, reactions, clock, afterCommit);
            CustomerExport customerExport = new CustomerExport(transactor);
            OutreachRoutes outreach = new OutreachRoutes(segments, templates, offers, customerImport, customerExport,
                    business.zone());
            Photos keptPhotos = new Photos(transactor, new SecureRandom(), clock);
            PhotoRoutes photos = new PhotoRoutes(keptPhotos);
            Broadcasts broadcastCare = new Broadcasts(transactor, business.zone(), clock, timekeeper);
            Greetings greetings = new Greetings(transactor, business.zone(), clock, timekeeper);
            BroadcastRoutes broadcasts = new BroadcastRoutes(broadcastCare, greetings, business.zone(), clock);
            SalesRoutes sales = new SalesRoutes(engine.sales());
            CustomerDataRoutes customerData = new CustomerDataRoutes(new CustomerData(transactor, clock, staffChats), clock);
            KeepInTouchRoutes keepInTouch = new KeepInTouchRoutes(checkIns, reviews);
            KnownIssueRoutes knownIssues = new KnownIssueRoutes(
                    new KnownIssues(transactor, business, Set.copyOf(messages.languages()), clock), business.zone(), clock);
            RefusalLog refusals = new RefusalLog(clock, log::warn);
            Console console = new Console(new Accounts(transactor, new Passwords(Passwords.COST),
                    token -> admin.permits("Bearer " + token), clock, new SecureRandom()),
                    new ComplaintDesk(transactor, complaintCare, keptPhotos, business, config.staffDesk().alertStages(), clock),
                    new HandoverDesk(transactor, engine.handoverCare(), keptPhotos, photoLibrary, business,
                            config.staffDesk().alertStages(), clock),
                    new CustomerDesk(customerFile, new CustomerDesk.CustomerChanges(customerCare, ownership,
                            engine.sales(), customerImport, customerExport, messages.languages(),
                            () -> new StaffDirectory(transactor, business, clock).list(true)), business,
                            new StaffDirectory(transactor, business, clock)::find),
                    new MarketingDesk(new MarketingDesk.Outreach(segments, templates, broadcastCare,
                            greetings, outreachReport, new OutreachChanges(transactor)), customerFile,
                            () -> new StaffDirectory(transactor, business, clock).list(true), clock),
                    new OfferDesk(offers, clock), new ReportDesk(serviceReports, business, clock), business.zone(),
                    new SecureRandom());
            HttpServer http = new HttpServer(transactor, runtime::isHealthy, meters, admin,
                    MetricsAccess.of(config.metricsToken()), webChat, config.webChat(),
                    routes -> {
                        care.mount(routes);
                        staff.mount(routes);
                        telegram.ifPresent(adapter -> TelegramWebhookRoute.mount(routes, adapter, refusals));
                        outreach.mount(routes);
                        photos.mount(routes);
                        customers.mount(routes);
                        reports.mount(routes);
                        broadcasts.mount(routes);
                        knownIssues.mount(routes);
                        customerData.mount(routes);
                        sales.mount(routes);
                        keepInTouch.mount(routes);
                        console.mount(routes);
                    },
                    refusals, clock, RequestLimits.DEFAULT)
                    .start(config.httpPort());
            lifecycle.started(http);
            if (telegram.isPresent()) {
                telegram.get().start(engine, database.cursors(), DaemonThreads.named("retainbot-telegram"));
                lifecycle.started(telegram.get());
            }
            if (discord.isPresent()) {
                discord.get().start(engine);
                lifecycle.started(discord.get());
            }
            int port = http.port();
            console.accounts().openSetUp().ifPresent(token ->
                    showSetUpLink.accept("http://localhost:" + port + "/console/set-up?token=" + token));
            log.info("RetainBot for {} is ready: web chat at http://localhost:{}/chat", business.companyName(),
                    http.port());
            RetainBot bot = new RetainBot(lifecycle, http, transactor);
            lifecycle.startEnded(true);
            return bot;
        } catch (RuntimeException failure) {
            lifecycle.startEnded(false);
            lifecycle.stop();
            throw failure;
        }
    }

    /** The routes registered under /api, as "METHOD /path". */
    public java.util.SortedSet<String> apiRoutes() {
        return http.apiRoutes();
    }

    public int httpPort() {
        return http.port();
    }

    public Transactor transactor() {
        return transactor;
    }

    @Override
    public void close() {
        log.info("RetainBot is stopping");
        lifecycle.stop();
        log.info("RetainBot stopped");
    }

    private static BroadcastRunner runner(Transactor transactor, Messages messages, BusinessConfig business,
                                          Clock clock, OutboxDispatcher dispatcher, Set<Platform> platforms,
                                          SendPolicy policy, double budget) {
        return new BroadcastRunner(transactor, new TemplateRenderer(messages, business.companyName(), business.zone()),
                new Offers(transactor, new OfferCodeGenerator(new SecureRandom()), clock), policy,
                business.zone(), platforms, clock, BroadcastRunner.Settings.forBudget(budget), dispatcher::wakeUp);
    }

    /**
     * The largest send budget of a messenger (Telegram, Discord), which a run's window is sized for; the
     * web chat's is no platform's limit, only our own, and would make a pause take long at 30 a second.
     */
    private static double messengerBudget(List<ChatGateway> gateways) {
        return gateways.stream().filter(gateway -> gateway.platform() != Platform.WEB)
                .mapToDouble(ChatGateway::bulkPerSecond).max().orElse(0);
    }

    private static DueReceipt receipt(PromiseWatch.Outcome outcome) {
        return switch (outcome) {
            case ALERTED -> new DueReceipt.Handled();
            case NOT_NEEDED -> new DueReceipt.Skipped("answered or closed before the alert");
            case DUPLICATE -> new DueReceipt.Duplicate();
        };
    }

    private static PrometheusMeterRegistry meters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        return meters;
    }

    /** This process among several on one database: host and process id (db-scheduler's picked_by). */
    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unknown) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
