package io.retainbot.core.usecase;

import io.retainbot.core.customer.NewPurchase;
import io.retainbot.core.customer.Purchase;
import io.retainbot.core.customer.PurchaseRecorded;
import io.retainbot.core.customer.StageChange;
import io.retainbot.core.customer.Stages;
import io.retainbot.core.outreach.CsvReader;
import io.retainbot.core.port.StoreSession;
import io.retainbot.core.port.Transactor;
import io.retainbot.core.reaction.Reactions;
import io.retainbot.core.reaction.StageOwnership;
import io.retainbot.core.staff.Actor;
import io.retainbot.core.staff.StaffMember;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Purchases (entered through the API or a CSV import) and customer stages (set by staff from the REST API or
 * the staff chats, or moved to after-sales by a complaint or a purchase through
 * {@link io.retainbot.core.reaction.MoveToAfterSales}), with the responsible staff member the stage calls for.
 * Each purchase records {@link PurchaseRecorded}; each change of stage is recorded with its cause.
 */
public final class Sales {
    public static final int MAX_LISTED_REJECTIONS = 1000;
    static final List<String> COLUMNS = List.of("customer_id", "product", "purchased_on", "order_reference", "amount",
            "currency");

    private final Transactor transactor;
    private final Reactions reactions;
    private final Stages stages;
    private final StageOwnership stageOwners;
    private final Clock clock;
    private final Runnable afterCommit;

    public Sales(Transactor transactor, Reactions reactions, Stages stages, Clock clock, Runnable afterCommit) {
        this.transactor = transactor;
        this.reactions = reactions;
        this.stages = stages;
        this.stageOwners = new StageOwnership(stages);
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public Stages stages() {
        return stages;
    }

    /** The outcome of recording one purchase. */
    public sealed interface Recorded {
        record Done(Purchase purchase) implements Recorded {
        }

        record NoSuchCustomer() implements Recorded {
        }

        /** The customer has a purchase with this order reference already. */
        record Duplicate(String orderReference) implements Recorded {
        }
    }

    public Recorded recordPurchase(NewPurchase purchase) {
        Recorded recorded = transactor.inTransaction(session -> record(session, purchase, "api", clock.instant()));
        if (recorded instanceof Recorded.Done) {
            afterCommit.run();
        }
        return recorded;
    }

    public Optional<List<Purchase>> purchases(long customerId) {
        return transactor.inTransaction(session -> session.customers().find(customerId)
                .map(customer -> session.sales().purchases(customerId)));
    }

    /** A row of an import that was not recorded, and why (the field at fault, when one is). */
    public record Rejection(int line, String field, String error) {
    }

    /**
     * @param duplicates rows whose order reference the customer has on file already (an import run again)
     */
    public record ImportReport(int created, int duplicates, int rejectedCount, List<Rejection> rejected) {
        public ImportReport {
            rejected = List.copyOf(rejected);
        }
    }

    /**
     * Imports purchases from CSV with the columns {@link #COLUMNS} (a header line first, in any order,
     * {@code order_reference}, {@code amount} and {@code currency} optional), each row in its own
     * transaction, so a bad row is reported and the others are recorded.
     *
     * @throws IllegalArgumentException when the header lacks a required column or names an unknown one
     */
    public ImportReport importPurchases(Reader csv) {
        CsvReader reader = new CsvReader(csv);
        Map<String, Integer> header = header(reader.next().orElseThrow(() ->
                new IllegalArgumentException("the file is empty; the first line names the columns: "
                        + String.join(",", COLUMNS))));
        int created = 0;
        int duplicates = 0;
        int rejectedCount = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (Optional<CsvReader.Record> next = reader.next(); next.isPresent(); next = reader.next()) {
            CsvReader.Record row = next.get();
            Recorded recorded;
            try {
                NewPurchase purchase = purchase(row, header);
                recorded = transactor.inTransaction(session -> record(session, purchase, "import", clock.instant()));
            } catch (IllegalArgumentException | DateTimeException invalid) {
                recorded = null;
                rejectedCount++;
                String message = invalid.getMessage() == null ? "is not valid" : invalid.getMessage();
                int colon = message.indexOf(": ");
                boolean named = colon > 0 && message.substring(0, colon).matches("[a-zA-Z_]+");
                if (rejected.size() < MAX_LISTED_REJECTIONS) {
                    rejected.add(new Rejection(row.line(), named ? snake(message.substring(0, colon)) : "",
                            named ? message.substring(colon + 2) : message));
                }
            }
            if (recorded instanceof Recorded.Done) {
                created++;
            } else if (recorded instanceof Recorded.Duplicate) {
                duplicates++;
            } else if (recorded instanceof Recorded.NoSuchCustomer) {
                rejectedCount++;
                if (rejected.size() < MAX_LISTED_REJECTIONS) {
                    rejected.add(new Rejection(row.line(), "customer_id", "no such customer"));
                }
            }
        }
        if (created > 0) {
            afterCommit.run();
        }
        return new ImportReport(created, duplicates, rejectedCount, rejected);
    }

    /**
     * The customer's stage (null while none is set), their responsible staff member and the stage's changes,
     * oldest first; empty when no such customer.
     */
    public Optional<StageView> stage(long customerId) {
        return transactor.inTransaction(session -> session.customers().find(customerId).map(customer ->
                view(session, customerId, session.sales().lockStage(customerId).orElse(null))));
    }

    /**
     * @param ownerId   the customer's responsible staff member (null: nobody)
     * @param ownerName their name (null: nobody)
     */
    public record StageView(String stage, Long ownerId, String ownerName, List<StageChange> history) {
        public StageView {
            history = List.copyOf(history);
        }
    }

    /** The outcome of a change of stage by staff. */
    public sealed interface StageSet {
        record Changed(StageView view) implements StageSet {
        }

        record NoSuchCustomer() implements StageSet {
        }

        record UnknownStaff(long staffId) implements StageSet {
        }
    }

    /**
     * Staff set the customer's stage; setting the stage it has changes and records nothing. A change gives the
     * customer to the stage's responsible staff where the business names them ({@link StageOwnership}).
     *
     * @throws IllegalArgumentException when {@code stage} is not one of the business's stages
     */
    public StageSet setStage(long customerId, String stage, Actor actor) {
        StageSet set = transactor.inTransaction(session -> setStage(session, customerId, stage, actor,
                clock.instant()));
        if (set instanceof StageSet.Changed) {
            afterCommit.run();
        }
        return set;
    }

    /** {@link #setStage(long, String, Actor)} in the caller's transaction (a staff chat). */
    public StageSet setStage(StoreSession session, long customerId, String stage, Actor actor, Instant now) {
        if (!stages.has(stage)) {
            throw new IllegalArgumentException("stage: \"" + stage + "\" is not a stage; the stages are "
                    + String.join(", ", stages.names()));
        }
        if (actor.staff().isPresent() && session.staff().find(actor.staff().get()).isEmpty()) {
            return new StageSet.UnknownStaff(actor.staff().get());
        }
        if (session.customers().find(customerId).isEmpty()) {
            return new StageSet.NoSuchCustomer();
        }
        Optional<String> current = session.sales().lockStage(customerId);
        if (current.filter(stage::equals).isEmpty()) {
            session.sales().changeStage(new StageChange(customerId, current.orElse(null), stage,
                    actor.staff().isPresent() ? "staff" : "admin", actor.staff().orElse(null), now));
            stageOwners.apply(session, reactions, customerId, stage, actor.staff().orElse(null), now);
        }
        return new StageSet.Changed(view(session, customerId, stage));
    }

    /** Staff clear the customer's stage (it has none again); clearing none changes and records nothing. */
    public StageSet clearStage(long customerId, Actor actor) {
        StageSet cleared = transactor.inTransaction(session -> {
            Instant now = clock.instant();
            if (actor.staff().isPresent() && session.staff().find(actor.staff().get()).isEmpty()) {
                return new StageSet.UnknownStaff(actor.staff().get());
            }
            if (session.customers().find(customerId).isEmpty()) {
                return new StageSet.NoSuchCustomer();
            }
            Optional<String> current = session.sales().lockStage(customerId);
            if (current.isPresent()) {
                session.sales().changeStage(new StageChange(customerId, current.get(), null,
                        actor.staff().isPresent() ? "staff" : "admin", actor.staff().orElse(null), now));
            }
            return new StageSet.Changed(view(session, customerId, null));
        });
        if (cleared instanceof StageSet.Changed) {
            afterCommit.run();
        }
        return cleared;
    }

    private static StageView view(StoreSession session, long customerId, String stage) {
        Optional<StaffMember> owner = session.ownership().ownerOf(customerId).flatMap(id -> session.staff().find(id));
        return new StageView(stage, owner.map(StaffMember::id).orElse(null), owner.map(StaffMember::name).orElse(null),
                session.sales().stageHistory(customerId));
    }

    private Recorded record(StoreSession session, NewPurchase purchase, String source, Instant now) {
        if (session.customers().find(purchase.customerId()).isEmpty()) {
            return new Recorded.NoSuchCustomer();
        }
        Optional<Purchase> recorded = session.sales().recordPurchase(purchase, source, now);
        if (recorded.isEmpty()) {
            return new Recorded.Duplicate(purchase.orderReference());
        }
        reactions.record(session, new PurchaseRecorded(purchase.customerId(), recorded.get().id(),
                purchase.purchasedOn(), now), now);
        return new Recorded.Done(recorded.get());
    }

    private static Map<String, Integer> header(CsvReader.Record record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String name = record.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException("unknown column \"" + name + "\"; the columns are "
                        + String.join(",", COLUMNS));
            }
            columns.put(name, i);
        }
        for (String required : List.of("customer_id", "product", "purchased_on")) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("the column " + required + " is missing; the columns are "
                        + String.join(",", COLUMNS));
            }
        }
        return columns;
    }

    private static NewPurchase purchase(CsvReader.Record row, Map<String, Integer> header) {
        String customer = cell(row, header, "customer_id");
        long customerId;
        try {
            customerId = Long.parseLong(customer);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("customer_id: \"" + customer + "\" is not a customer id");
        }
        String day = cell(row, header, "purchased_on");
        LocalDate purchasedOn;
        try {
            purchasedOn = day.isEmpty() ? null : LocalDate.parse(day);
        } catch (DateTimeException notADate) {
            throw new IllegalArgumentException("purchased_on: \"" + day + "\" is not a date like 2026-11-20");
        }
        String sum = cell(row, header, "amount");
        BigDecimal amount;
        try {
            amount = sum.isEmpty() ? null : new BigDecimal(sum);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("amount: \"" + sum + "\" is not a sum like 129000 or 19.90");
        }
        return new NewPurchase(customerId, cell(row, header, "product"), purchasedOn, cell(row, header, "order_reference"),
                amount, cell(row, header, "currency"));
    }

    private static String cell(CsvReader.Record row, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index).strip();
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
