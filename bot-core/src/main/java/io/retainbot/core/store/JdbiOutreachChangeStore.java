package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.outreach.ChangedBy;
import io.retainbot.core.outreach.OutreachChange;
import io.retainbot.core.port.OutreachChangeStore;
import java.time.Instant;
import java.util.List;

final class JdbiOutreachChangeStore implements OutreachChangeStore {
    private final OutreachChangeDao dao;

    JdbiOutreachChangeStore(OutreachChangeDao dao) {
        this.dao = dao;
    }

    @Override
    public void record(ChangedBy by, OutreachChange.Subject subject, Long subjectId, String subjectName,
                       OutreachChange.Action action, Instant at) {
        dao.record(by.staffId(), by.name() == null ? null : withoutNul(by.name()), subject.name(), subjectId,
                withoutNul(subjectName), action.name(), at);
    }

    @Override
    public List<OutreachChange> latest(int limit) {
        return dao.latest(limit);
    }
}
