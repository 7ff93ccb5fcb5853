package io.outbox.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

/**
 * The rules every module of the project keeps. Each module's architecture test includes
 * them with {@code @ArchTest static final ArchTests common = ArchTests.in(CommonArchitectureRules.class)}.
 * Only classes in a {@code ..cli..} package may write to standard streams: that is the user interface.
 */
public final class CommonArchitectureRules {
    @ArchTest
    public static final ArchRule no_generic_exceptions_are_thrown = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    public static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    public static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    public static final ArchRule only_cli_classes_write_to_standard_streams = noClasses()
            .that().resideOutsideOfPackage("..cli..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("output for people goes through the CLI; everything else logs through SLF4J");

    private CommonArchitectureRules() {
    }
}
