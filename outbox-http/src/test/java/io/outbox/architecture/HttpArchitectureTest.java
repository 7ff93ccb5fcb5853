package io.outbox.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.outbox.http.Json;
import io.outbox.http.JsonException;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What outbox-http may and may not depend on, checked in the normal build. */
@AnalyzeClasses(packages = {"io.outbox.http", "io.outbox.metadata", "io.outbox.testing.backend"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {
    @ArchTest
    static final ArchTests common = ArchTests.in(CommonArchitectureRules.class);

    @ArchTest
    static final ArchRule http_depends_on_the_jdk_slf4j_jackson_and_core_only = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.sun.net.httpserver..",
                    "org.slf4j..", "com.fasterxml.jackson..", "io.outbox", "io.outbox.event..", "io.outbox.handler..",
                    "io.outbox.sync..", "io.outbox.http..", "io.outbox.metadata..",
                    "io.outbox.testing.backend..")
            .because("any app that syncs to the remote API takes this module, and no framework with it"
                    + " beyond Jackson, the project's one JSON library");

    @ArchTest
    static final ArchRule only_the_json_classes_use_jackson = noClasses()
            .that().haveNameNotMatching("io\\.outbox\\.http\\.Json(Values|Problem)?(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("Jackson stays behind Json, so callers see plain Java values and messages that quote no body");

    @ArchTest
    static final ArchRule typed_metadata_is_a_value_codec_without_io = classes()
            .that().resideInAPackage("io.outbox.metadata..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java.lang..", "java.math..", "java.time..",
                    "java.util..", "io.outbox.metadata..").or(belongToAnyOf(Json.class, JsonException.class)))
            .because("domain code builds its events' metadata with it, so it may do no I/O and know no client");

    @ArchTest
    static final ArchRule the_client_never_uses_the_stand_in_backend = noClasses()
            .that().resideInAPackage("io.outbox.http..")
            .should().dependOnClassesThat().resideInAPackage("io.outbox.testing..")
            .because("the stand-in backend is for demos and tests");
}
