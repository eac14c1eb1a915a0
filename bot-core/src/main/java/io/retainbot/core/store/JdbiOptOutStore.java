package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.customer.ExitReason;
import io.retainbot.core.port.OptOutStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class JdbiOptOutStore implements OptOutStore {
    private final OptOutDao dao;

    JdbiOptOutStore(OptOutDao dao) {
        this.dao = dao;
    }

    @Override
    public void record(long customerId, String source, Duration attributionWindow, Instant at) {
        dao.insert(customerId, withoutNul(source), at.minus(attributionWindow), at);
    }

    @Override
    public boolean answer(long customerId, ExitReason reason, String text, Instant at) {
        return dao.answer(customerId, reason.code(), text == null ? null : withoutNul(text), at) == 1;
    }

    @Override
    public Map<String, Long> exitReasons() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ExitReason reason : ExitReason.values()) {
            counts.put(reason.code(), 0L);
        }
        counts.put("unanswered", 0L);
        for (OptOutDao.ReasonCount row : dao.reasons()) {
            counts.put(row.reason(), row.count());
        }
        return counts;
    }

    @Override
    public List<String> exitTexts(int limit) {
        return dao.texts(limit);
    }

    @Override
    public List<BroadcastTally> broadcastTallies() {
        return dao.broadcasts();
    }

    @Override
    public List<WeekTally> weeklyTallies(Instant from, Instant to, java.time.ZoneId zone) {
        return dao.weeks(from, to, zone.getId());
    }

    @Override
    public List<TemplateTally> templateTallies() {
        return dao.templates();
    }
}
