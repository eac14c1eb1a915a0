package io.retainbot.core.store;

import io.retainbot.core.customer.ChannelIdentity;
import io.retainbot.core.port.CustomerPages;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Customers many at a time with their identities: two statements, whatever their number. */
final class JdbiCustomerPages implements CustomerPages {
    private final CustomerDao dao;

    JdbiCustomerPages(CustomerDao dao) {
        this.dao = dao;
    }

    @Override
    public List<Entry> after(long afterId, int limit) {
        return withIdentities(dao.page(afterId, limit));
    }

    @Override
    public List<Entry> of(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return withIdentities(dao.findAll(customerIds.stream().mapToLong(Long::longValue).toArray()));
    }

    private List<Entry> withIdentities(List<CustomerDao.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChannelIdentity>> identities = dao.identitiesOf(
                        rows.stream().mapToLong(CustomerDao.Row::id).toArray()).stream()
                .map(JdbiCustomerStore::toIdentity)
                .collect(Collectors.groupingBy(ChannelIdentity::customerId));
        return rows.stream().map(row -> new Entry(JdbiCustomerStore.toCustomer(row),
                identities.getOrDefault(row.id(), List.of()))).toList();
    }
}
