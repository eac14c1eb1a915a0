package io.retainbot.core.store;

import io.retainbot.core.outreach.OutreachChange;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutreachChange.class)
interface OutreachChangeDao {
    @SqlUpdate("""
            insert into outreach_change (changed_by, changed_by_name, subject, subject_id, subject_name, action, at)
            values (:changedBy, :changedByName, :subject, :subjectId, :subjectName, :action, :at)
            """)
    void record(@Bind("changedBy") Long changedBy, @Bind("changedByName") String changedByName,
                @Bind("subject") String subject, @Bind("subjectId") Long subjectId,
                @Bind("subjectName") String subjectName, @Bind("action") String action, @Bind("at") Instant at);

    @SqlQuery("""
            select id, changed_by, changed_by_name, subject, subject_id, subject_name, action, at
            from outreach_change order by at desc, id desc limit :limit
            """)
    List<OutreachChange> latest(@Bind("limit") int limit);
}
