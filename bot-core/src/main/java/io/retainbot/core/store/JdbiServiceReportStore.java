package io.retainbot.core.store;

import io.retainbot.core.port.ServiceReportStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

final class JdbiServiceReportStore implements ServiceReportStore {
    private final ServiceReportDao dao;

    JdbiServiceReportStore(ServiceReportDao dao) {
        this.dao = dao;
    }

    @Override
    public List<Row> figures(Instant from, Instant to, ZoneId zone, Instant now, String category) {
        return dao.figures(from, to, zone.getId(), now, category);
    }
}
