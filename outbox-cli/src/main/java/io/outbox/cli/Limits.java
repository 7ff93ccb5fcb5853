package io.outbox.cli;

/** Range checks of numeric options, failing with the option's name and what is accepted. */
final class Limits {
    private Limits() {
    }

    static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadInputException(option + " " + value + " is out of range; use " + min + " to " + max);
        }
    }
}
