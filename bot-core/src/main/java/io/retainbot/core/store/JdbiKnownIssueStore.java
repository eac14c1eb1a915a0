package io.retainbot.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.retainbot.core.complaint.KnownIssue;
import io.retainbot.core.complaint.KnownIssueCount;
import io.retainbot.core.complaint.KnownIssueOffer;
import io.retainbot.core.port.KnownIssueStore;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

final class JdbiKnownIssueStore implements KnownIssueStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> BY_LANGUAGE = new TypeReference<>() {
    };

    /**
     * The open issues for a category, which every filed complaint asks for: as plain JDBC, since attaching the
     * SqlObject DAO for this one query cost a filing more Java time than the query (README, Performance).
     */
    static final String OPEN_FOR = """
            select id, title, symptoms::text, categories::text, fixes::text, status, created_at, updated_at
            from known_issue
            where status = 'open' and (categories = '[]'::jsonb or categories @> jsonb_build_array(cast(? as text)))
            order by id
            """;

    private final JdbcStatements statements;
    private final Supplier<KnownIssueDao> dao;

    JdbiKnownIssueStore(JdbcStatements statements, Supplier<KnownIssueDao> dao) {
        this.statements = statements;
        this.dao = dao;
    }

    @Override
    public KnownIssue create(KnownIssue.Draft draft, Instant now) {
        return toIssue(dao.get().insert(TextSanitizer.withoutNul(draft.title()), Json.write(draft.symptoms()),
                Json.write(draft.categories().stream().sorted().toList()), Json.write(draft.fixes()),
                status(draft.open()), now));
    }

    @Override
    public Optional<KnownIssue> update(long id, KnownIssue.Draft draft, Instant now) {
        return dao.get().update(id, TextSanitizer.withoutNul(draft.title()), Json.write(draft.symptoms()),
                Json.write(draft.categories().stream().sorted().toList()), Json.write(draft.fixes()),
                status(draft.open()), now).map(JdbiKnownIssueStore::toIssue);
    }

    @Override
    public Optional<KnownIssue> find(long id) {
        return dao.get().find(id).map(JdbiKnownIssueStore::toIssue);
    }

    @Override
    public List<KnownIssue> list() {
        return dao.get().list().stream().map(JdbiKnownIssueStore::toIssue).toList();
    }

    @Override
    public List<KnownIssue> openFor(String category) {
        return statements.all(OPEN_FOR, row -> toIssue(new KnownIssueDao.IssueRow(row.getLong(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), JdbcStatements.instant(row, 7),
                JdbcStatements.instant(row, 8))), category);
    }

    @Override
    public boolean everOffered(long id) {
        return dao.get().everOffered(id);
    }

    @Override
    public boolean delete(long id) {
        return dao.get().delete(id) > 0;
    }

    @Override
    public boolean recordOffer(long complaintId, long knownIssueId, Instant at) {
        return dao.get().insertOffer(complaintId, knownIssueId, at) > 0;
    }

    @Override
    public Optional<KnownIssueOffer> offerOn(long complaintId) {
        return dao.get().offerOn(complaintId).map(row -> new KnownIssueOffer(row.complaintId(), row.knownIssueId(),
                row.title(), row.offeredAt(), row.helped(), row.answeredAt()));
    }

    @Override
    public boolean answerOffer(long complaintId, boolean helped, Instant at) {
        return dao.get().answerOffer(complaintId, helped, at) > 0;
    }

    @Override
    public List<KnownIssueCount> counts(Instant from, Instant to) {
        return dao.get().counts(from, to).stream().map(row -> new KnownIssueCount(row.knownIssueId(), row.title(),
                "open".equals(row.status()), row.offered(), row.helped(), row.notHelped(), row.unanswered())).toList();
    }

    private static String status(boolean open) {
        return open ? "open" : "closed";
    }

    private static KnownIssue toIssue(KnownIssueDao.IssueRow row) {
        return new KnownIssue(row.id(), row.title(), Json.read(row.symptoms(), STRINGS),
                new LinkedHashSet<>(Json.read(row.categories(), STRINGS)), Json.read(row.fixes(), BY_LANGUAGE),
                "open".equals(row.status()), row.createdAt(), row.updatedAt());
    }
}
