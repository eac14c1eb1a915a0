package io.retainbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/** A DAO missing from {@link Database#DAOS} still works, but is described again in every transaction. */
class DaoListTest {

    @Test
    void describesEverySqlObjectInterfaceAtStartUp() {
        Set<String> sqlObjects = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.retainbot.core.store").stream()
                .filter(JavaClass::isInterface)
                .filter(type -> type.getMethods().stream().anyMatch(method ->
                        method.isAnnotatedWith(SqlQuery.class) || method.isAnnotatedWith(SqlUpdate.class)))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());

        assertThat(sqlObjects).isNotEmpty();
        assertThat(Database.DAOS.stream().map(Class::getName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(sqlObjects);
    }
}
