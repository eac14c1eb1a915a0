package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.outreach.Broadcast;
import io.retainbot.core.outreach.BroadcastRun;
import io.retainbot.core.outreach.BroadcastSchedule;
import io.retainbot.core.outreach.CalendarRule;
import io.retainbot.core.outreach.Progress;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.port.BroadcastStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbiBroadcastStore implements BroadcastStore {
    private final BroadcastDao dao;

    JdbiBroadcastStore(BroadcastDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Broadcast> create(String name, Broadcast.Kind kind, Long segmentId, long templateId,
                                      BroadcastSchedule schedule, LocalDateTime nextOccurrence, Instant nextDue,
                                      Instant now) {
        String rule = schedule instanceof BroadcastSchedule.Recurring recurring ? recurring.rule().describe() : null;
        Instant sendAt = schedule instanceof BroadcastSchedule.Once once ? once.at() : null;
        return dao.insert(withoutNul(name), kind.code(), segmentId, templateId, rule, sendAt,
                schedule.zoneMode().code(), nextOccurrence, nextDue, now).map(JdbiBroadcastStore::toBroadcast);
    }

    @Override
    public Optional<Broadcast> birthday() {
        return dao.birthday().map(JdbiBroadcastStore::toBroadcast);
    }

    @Override
    public void updateBirthday(long id, Long segmentId, long templateId, BroadcastSchedule schedule,
                               Broadcast.Status status, LocalDateTime nextOccurrence, Instant nextDue, Instant now) {
        BroadcastSchedule.Recurring recurring = (BroadcastSchedule.Recurring) schedule;
        dao.updateBirthday(id, segmentId, templateId, recurring.rule().describe(), recurring.zoneMode().code(),
                status.code(), nextOccurrence, nextDue, now);
    }

    @Override
    public Optional<Broadcast> find(long id) {
        return dao.find(id).map(JdbiBroadcastStore::toBroadcast);
    }

    @Override
    public Optional<Broadcast> lock(long id) {
        return dao.lock(id).map(JdbiBroadcastStore::toBroadcast);
    }

    @Override
    public List<Broadcast> planned() {
        return dao.planned().stream().map(JdbiBroadcastStore::toBroadcast).toList();
    }

    @Override
    public Optional<Instant> nextPending(long runId) {
        return dao.nextPending(runId);
    }

    @Override
    public List<Broadcast> list() {
        return dao.list().stream().map(JdbiBroadcastStore::toBroadcast).toList();
    }

    @Override
    public boolean setStatus(long id, Broadcast.Status status, Instant now) {
        return dao.setStatus(id, status.code(), now) == 1;
    }

    @Override
    public List<Broadcast> lockDue(Instant now, int limit) {
        return dao.lockDue(now, limit).stream().map(JdbiBroadcastStore::toBroadcast).toList();
    }

    @Override
    public void scheduleNext(long id, LocalDateTime nextOccurrence, Instant nextDue, Instant now) {
        dao.scheduleNext(id, nextOccurrence, nextDue, now);
    }

    @Override
    public void finishIfDone(long id, Instant now) {
        dao.finishIfDone(id, now);
    }

    @Override
    public Optional<BroadcastRun> startRun(long broadcastId, LocalDateTime occurrence, Instant now) {
        return dao.startRun(broadcastId, occurrence, now).map(JdbiBroadcastStore::toRun);
    }

    @Override
    public long expand(long runId, SegmentFilter filter, boolean marketing, BroadcastSchedule.ZoneMode zoneMode,
                       LocalDateTime occurrence, Instant dueAt, ZoneId businessZone, Instant now) {
        return dao.expand(runId, SegmentSql.of(filter, now), zoneMode == BroadcastSchedule.ZoneMode.CUSTOMER,
                occurrence, dueAt, businessZone.getId(), marketing, BroadcastSchedule.LATE_BY_AT_MOST, now);
    }

    @Override
    public long expandBirthdays(long runId, SegmentFilter filter, LocalDateTime occurrence, ZoneId businessZone,
                                Instant now) {
        return dao.expand(runId, SegmentSql.of(filter, now).birthdayOn(occurrence.toLocalDate()), true, occurrence,
                null, businessZone.getId(), true, BroadcastSchedule.LATE_BY_AT_MOST, now);
    }

    @Override
    public boolean usesSegment(long segmentId) {
        return dao.usesSegment(segmentId);
    }

    @Override
    public boolean usesTemplate(long templateId) {
        return dao.usesTemplate(templateId);
    }

    @Override
    public List<BroadcastRun> runs(long broadcastId) {
        return dao.runs(broadcastId).stream().map(JdbiBroadcastStore::toRun).toList();
    }

    @Override
    public Optional<BroadcastRun> run(long runId) {
        return dao.run(runId).map(JdbiBroadcastStore::toRun);
    }

    @Override
    public List<BroadcastRun> running(int limit) {
        return dao.running(limit).stream().map(JdbiBroadcastStore::toRun).toList();
    }

    @Override
    public boolean setRunStatus(long runId, BroadcastRun.Status status, Instant now) {
        return dao.setRunStatus(runId, status.code(), now) == 1;
    }

    @Override
    public List<Long> lockPending(long runId, Instant now, int limit) {
        return dao.lockPending(runId, now, limit);
    }

    @Override
    public long inFlight(long runId) {
        return dao.inFlight(runId);
    }

    @Override
    public void markQueued(long runId, Map<Long, Long> outboxIdByCustomer, Instant now) {
        if (!outboxIdByCustomer.isEmpty()) {
            dao.markQueued(runId, keys(outboxIdByCustomer),
                    outboxIdByCustomer.values().stream().mapToLong(Long::longValue).toArray(), now);
        }
    }

    @Override
    public void markSkipped(long runId, Map<Long, String> reasonByCustomer, Instant now) {
        if (!reasonByCustomer.isEmpty()) {
            dao.markSkipped(runId, keys(reasonByCustomer), reasonByCustomer.values().stream()
                    .map(TextSanitizer::withoutNul).toArray(String[]::new), now);
        }
    }

    @Override
    public void postpone(long runId, Map<Long, Instant> untilByCustomer, Instant now) {
        if (!untilByCustomer.isEmpty()) {
            dao.postpone(runId, keys(untilByCustomer), untilByCustomer.values().stream().map(Instant::toString)
                    .toArray(String[]::new), now);
        }
    }

    @Override
    public Map<Long, Instant> lastMarketing(Collection<Long> customerIds) {
        Map<Long, Instant> last = new HashMap<>();
        if (!customerIds.isEmpty()) {
            dao.lastMarketing(customerIds.stream().mapToLong(Long::longValue).toArray())
                    .forEach(row -> last.put(row.customerId(), row.at()));
        }
        return last;
    }

    /** The keys in the map's own order, which its values() follow. */
    private static long[] keys(Map<Long, ?> byCustomer) {
        return byCustomer.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public Optional<Instant> lastMarketing(long customerId) {
        return dao.lastMarketing(customerId);
    }

    @Override
    public int recordOutcomes(long runId, Instant now) {
        return dao.recordOutcomes(runId, now);
    }

    @Override
    public int cancelPending(long runId, Instant now) {
        dao.cancelQueued(runId, now);
        dao.moveHeadsPastCancelled(runId);
        int skipped = dao.cancelPending(runId, now);
        return skipped + dao.recordOutcomes(runId, now);
    }

    @Override
    public boolean done(long runId) {
        return dao.done(runId);
    }

    @Override
    public Progress progress(long runId, Instant now) {
        Map<String, Long> byStatus = new HashMap<>();
        Map<String, Long> skippedByReason = new HashMap<>();
        long total = 0;
        for (BroadcastDao.CountRow row : dao.counts(runId)) {
            byStatus.merge(row.status(), row.count(), Long::sum);
            if (row.status().equals("skipped")) {
                skippedByReason.merge(row.reason(), row.count(), Long::sum);
            }
            total += row.count();
        }
        long perMinute = dao.sentSince(runId, now.minus(Duration.ofMinutes(1)));
        long remaining = byStatus.getOrDefault("pending", 0L) + byStatus.getOrDefault("queued", 0L);
        Instant expectedFinish = remaining == 0 || perMinute == 0 ? null
                : now.plusSeconds((long) Math.ceil(remaining * 60.0 / perMinute));
        BroadcastDao.WaitingRow waiting = dao.waiting(runId, now);
        return new Progress(total, byStatus.getOrDefault("pending", 0L), byStatus.getOrDefault("queued", 0L),
                byStatus.getOrDefault("sent", 0L), byStatus.getOrDefault("unreachable", 0L),
                byStatus.getOrDefault("failed", 0L), byStatus.getOrDefault("skipped", 0L), skippedByReason,
                perMinute, expectedFinish, waiting.count(), waiting.first());
    }

    private static Broadcast toBroadcast(BroadcastDao.Row row) {
        BroadcastSchedule schedule = row.rule() == null ? new BroadcastSchedule.Once(row.sendAt())
                : new BroadcastSchedule.Recurring(CalendarRule.parse(row.rule()),
                BroadcastSchedule.ZoneMode.fromCode(row.zoneMode()));
        return new Broadcast(row.id(), row.name(), Broadcast.Kind.fromCode(row.kind()), row.segmentId(),
                row.templateId(), schedule,
                Broadcast.Status.fromCode(row.status()), row.nextLocal(), row.createdAt(), row.updatedAt());
    }

    private static BroadcastRun toRun(BroadcastDao.RunRow row) {
        return new BroadcastRun(row.id(), row.broadcastId(), row.occurrence(), BroadcastRun.Status.fromCode(row.status()),
                row.createdAt(), row.finishedAt());
    }
}
