package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.chat.Platform;
import io.retainbot.core.customer.OpportunityTier;
import io.retainbot.core.customer.Tag;
import io.retainbot.core.outreach.ComplaintCount;
import io.retainbot.core.outreach.ConsentState;
import io.retainbot.core.outreach.Segment;
import io.retainbot.core.outreach.SegmentFilter;
import io.retainbot.core.port.SegmentStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

final class JdbiSegmentStore implements SegmentStore {
    private final SegmentDao dao;

    JdbiSegmentStore(SegmentDao dao) {
        this.dao = dao;
    }

    /** The stored shape of a filter: plain codes, so renaming a Java type never breaks saved segments. */
    record FilterJson(Set<String> anyTags, Set<String> allTags, Set<String> noTags, Set<String> languages,
                      Set<String> channels, Set<String> tiers, Long responsibleStaffId, String consent,
                      Instant lastContactBefore, Instant lastContactAfter, Boolean hasOpenComplaint,
                      Integer recentComplaintDays, Integer recentComplaintsAtLeast, Set<Integer> birthdayMonths,
                      Instant customerSinceAfter, Instant customerSinceBefore) {
        static FilterJson of(SegmentFilter filter) {
            return new FilterJson(names(filter.anyTags()), names(filter.allTags()), names(filter.noTags()),
                    filter.languages(), codes(filter.channels(), Platform::code), codes(filter.tiers(),
                    OpportunityTier::code), filter.responsibleStaffId(),
                    filter.consent() == null ? null : filter.consent().code(), filter.lastContactBefore(),
                    filter.lastContactAfter(), filter.hasOpenComplaint(),
                    filter.recentComplaints() == null ? null : filter.recentComplaints().days(),
                    filter.recentComplaints() == null ? null : filter.recentComplaints().atLeast(),
                    filter.birthdayMonths(), filter.customerSinceAfter(), filter.customerSinceBefore());
        }

        SegmentFilter toFilter() {
            return SegmentFilter.builder()
                    .anyTags(parsed(anyTags, Tag::new))
                    .allTags(parsed(allTags, Tag::new))
                    .noTags(parsed(noTags, Tag::new))
                    .languages(languages)
                    .channels(parsed(channels, Platform::fromCode))
                    .tiers(parsed(tiers, OpportunityTier::fromCode))
                    .responsibleStaffId(responsibleStaffId)
                    .consent(consent == null ? null : ConsentState.fromCode(consent))
                    .lastContactBefore(lastContactBefore)
                    .lastContactAfter(lastContactAfter)
                    .hasOpenComplaint(hasOpenComplaint)
                    .recentComplaints(recentComplaintDays == null ? null
                            : new ComplaintCount(recentComplaintDays, recentComplaintsAtLeast))
                    .birthdayMonths(birthdayMonths)
                    .customerSinceAfter(customerSinceAfter)
                    .customerSinceBefore(customerSinceBefore)
                    .build();
        }

        private static Set<String> names(Set<Tag> tags) {
            return codes(tags, Tag::name);
        }

        private static <T> Set<String> codes(Set<T> values, Function<T, String> code) {
            return values.stream().map(code).collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        private static <T> Set<T> parsed(Set<String> codes, Function<String, T> parse) {
            return codes == null ? Set.of() : codes.stream().map(parse).collect(Collectors.toSet());
        }
    }

    @Override
    public Optional<Segment> create(String name, SegmentFilter filter, Instant now) {
        return dao.insert(withoutNul(name), Json.write(FilterJson.of(filter)), now).map(JdbiSegmentStore::toSegment);
    }

    @Override
    public Optional<Segment> find(long id) {
        return dao.find(id).map(JdbiSegmentStore::toSegment);
    }

    @Override
    public List<Segment> list() {
        return dao.list().stream().map(JdbiSegmentStore::toSegment).toList();
    }

    @Override
    public boolean delete(long id) {
        return dao.delete(id) == 1;
    }

    @Override
    public long count(SegmentFilter filter, Instant now) {
        return dao.count(SegmentSql.of(filter, now));
    }

    @Override
    public List<Long> members(SegmentFilter filter, Instant now, long afterId, int limit) {
        return dao.members(SegmentSql.of(filter, now), afterId, limit);
    }

    private static Segment toSegment(SegmentDao.Row row) {
        return new Segment(row.id(), row.name(), Json.read(row.definition(), FilterJson.class).toFilter(),
                row.createdAt(), row.updatedAt());
    }
}
