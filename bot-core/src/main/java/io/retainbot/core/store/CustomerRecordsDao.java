package io.retainbot.core.store;

import io.retainbot.core.port.CustomerRecords.Outreach;
import io.retainbot.core.port.CustomerRecords.Score;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Outreach.class)
@RegisterConstructorMapper(Score.class)
interface CustomerRecordsDao {
    @SqlQuery("""
            select b.id as broadcast_id, b.name as broadcast_name, r.occurrence,
                   d.status, d.reason, d.updated_at
            from delivery d join broadcast_run r on r.id = d.run_id join broadcast b on b.id = r.broadcast_id
            where d.customer_id = :customerId order by d.updated_at desc, r.id desc limit :limit
            """)
    List<Outreach> outreach(@Bind("customerId") long customerId, @Bind("limit") int limit);

    @SqlQuery("""
            select c.number as complaint_number, s.question, s.score, s.answered_at
            from satisfaction_answer s join complaint c on c.id = s.complaint_id
            where c.customer_id = :customerId order by s.answered_at desc, c.number desc, s.question limit :limit
            """)
    List<Score> scores(@Bind("customerId") long customerId, @Bind("limit") int limit);
}
