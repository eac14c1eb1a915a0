package io.retainbot.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(TemplateDao.Row.class)
@RegisterConstructorMapper(TemplateDao.TextRow.class)
interface TemplateDao {
    record Row(long id, String name, String purpose, String defaultLanguage, String[] buttons, Integer offerValidDays,
               String photoKey, Instant createdAt, Instant updatedAt) {
    }

    record TextRow(long templateId, String language, String tone, String body) {
    }

    @SqlQuery("""
            insert into message_template (name, purpose, default_language, buttons, offer_valid_days, photo_key,
                                          created_at, updated_at)
            values (:name, :purpose, :defaultLanguage, :buttons, :offerValidDays, :photoKey, :now, :now)
            on conflict (name) do nothing
            returning id
            """)
    Optional<Long> insert(@Bind("name") String name, @Bind("purpose") String purpose,
                          @Bind("defaultLanguage") String defaultLanguage, @Bind("buttons") String[] buttons,
                          @Bind("offerValidDays") Integer offerValidDays, @Bind("photoKey") String photoKey,
                          @Bind("now") Instant now);

    @SqlUpdate("""
            insert into message_template_text (template_id, language, tone, body)
            values (:templateId, :language, :tone, :body)
            """)
    void insertText(@Bind("templateId") long templateId, @Bind("language") String language,
                    @Bind("tone") String tone, @Bind("body") String body);

    @SqlQuery("select * from message_template where id = :id")
    Optional<Row> find(@Bind("id") long id);

    @SqlQuery("select * from message_template order by name, id")
    List<Row> list();

    @SqlQuery("select * from message_template_text where template_id = :id order by language, tone")
    List<TextRow> texts(@Bind("id") long id);

    @SqlQuery("select * from message_template_text order by template_id, language, tone")
    List<TextRow> allTexts();

    @SqlUpdate("delete from message_template where id = :id")
    int delete(@Bind("id") long id);
}
