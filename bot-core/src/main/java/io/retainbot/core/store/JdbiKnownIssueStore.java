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

final class JdbiKnownIssueStore implements KnownIssueStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> BY_LANGUAGE = new TypeReference<>() {
    };

    private final KnownIssueDao dao;

    JdbiKnownIssueStore(KnownIssueDao dao) {
        this.dao = dao;
    }

    @Override
    public KnownIssue create(KnownIssue.Draft draft, Instant now) {
        return toIssue(dao.insert(TextSanitizer.withoutNul(draft.title()), Json.write(draft.symptoms()),
                Json.write(draft.categories().stream().sorted().toList()), Json.write(draft.fixes()),
                status(draft.open()), now));
    }

    @Override
    public Optional<KnownIssue> update(long id, KnownIssue.Draft draft, Instant now) {
        return dao.update(id, TextSanitizer.withoutNul(draft.title()), Json.write(draft.symptoms()),
                Json.write(draft.categories().stream().sorted().toList()), Json.write(draft.fixes()),
                status(draft.open()), now).map(JdbiKnownIssueStore::toIssue);
    }

    @Override
    public Optional<KnownIssue> find(long id) {
        return dao.find(id).map(JdbiKnownIssueStore::toIssue);
    }

    @Override
    public List<KnownIssue> list() {
        return dao.list().stream().map(JdbiKnownIssueStore::toIssue).toList();
    }

    @Override
    public List<KnownIssue> openFor(String category) {
        return dao.openFor(category).stream().map(JdbiKnownIssueStore::toIssue).toList();
    }

    @Override
    public boolean everOffered(long id) {
        return dao.everOffered(id);
    }

    @Override
    public boolean delete(long id) {
        return dao.delete(id) > 0;
    }

    @Override
    public boolean recordOffer(long complaintId, long knownIssueId, Instant at) {
        return dao.insertOffer(complaintId, knownIssueId, at) > 0;
    }

    @Override
    public Optional<KnownIssueOffer> offerOn(long complaintId) {
        return dao.offerOn(complaintId).map(row -> new KnownIssueOffer(row.complaintId(), row.knownIssueId(),
                row.title(), row.offeredAt(), row.helped(), row.answeredAt()));
    }

    @Override
    public boolean answerOffer(long complaintId, boolean helped, Instant at) {
        return dao.answerOffer(complaintId, helped, at) > 0;
    }

    @Override
    public List<KnownIssueCount> counts(Instant from, Instant to) {
        return dao.counts(from, to).stream().map(row -> new KnownIssueCount(row.knownIssueId(), row.title(),
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
