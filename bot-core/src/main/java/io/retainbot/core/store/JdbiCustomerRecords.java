package io.retainbot.core.store;

import io.retainbot.core.port.CustomerRecords;
import java.util.List;

final class JdbiCustomerRecords implements CustomerRecords {
    private final CustomerRecordsDao dao;

    JdbiCustomerRecords(CustomerRecordsDao dao) {
        this.dao = dao;
    }

    @Override
    public List<Outreach> outreach(long customerId, int limit) {
        return dao.outreach(customerId, limit);
    }

    @Override
    public List<Score> scores(long customerId, int limit) {
        return dao.scores(customerId, limit);
    }
}
