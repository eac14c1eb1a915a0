package io.retainbot.core.store;

import static io.retainbot.core.store.TextSanitizer.withoutNul;

import io.retainbot.core.customer.Tone;
import io.retainbot.core.outreach.Template;
import io.retainbot.core.outreach.TemplateButton;
import io.retainbot.core.outreach.TemplatePurpose;
import io.retainbot.core.outreach.TemplateText;
import io.retainbot.core.port.TemplateStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

final class JdbiTemplateStore implements TemplateStore {
    private final TemplateDao dao;

    JdbiTemplateStore(TemplateDao dao) {
        this.dao = dao;
    }

    @Override
    public Optional<Template> create(Template draft, Instant now) {
        Optional<Long> id = dao.insert(withoutNul(draft.name()), draft.purpose().code(), draft.defaultLanguage(),
                draft.buttons().stream().map(TemplateButton::code).toArray(String[]::new), draft.offerValidDays(),
                draft.photoKey(), now);
        id.ifPresent(templateId -> draft.texts().forEach(text -> dao.insertText(templateId, text.language(),
                text.tone().name().toLowerCase(Locale.ROOT), withoutNul(text.body()))));
        return id.flatMap(this::find);
    }

    @Override
    public Optional<Template> find(long id) {
        return dao.find(id).map(row -> toTemplate(row, dao.texts(id)));
    }

    @Override
    public List<Template> list() {
        Map<Long, List<TemplateDao.TextRow>> texts = dao.allTexts().stream()
                .collect(Collectors.groupingBy(TemplateDao.TextRow::templateId));
        return dao.list().stream().map(row -> toTemplate(row, texts.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public boolean delete(long id) {
        return dao.delete(id) == 1;
    }

    private static Template toTemplate(TemplateDao.Row row, List<TemplateDao.TextRow> texts) {
        return new Template(row.id(), row.name(), TemplatePurpose.fromCode(row.purpose()), row.defaultLanguage(),
                texts.stream().map(text -> new TemplateText(text.language(),
                        Tone.valueOf(text.tone().toUpperCase(Locale.ROOT)), text.body())).toList(),
                Arrays.stream(row.buttons()).map(TemplateButton::fromCode).toList(), row.offerValidDays(),
                row.photoKey(), row.createdAt(), row.updatedAt());
    }
}
