package com.lume.reliability;

/** Finds a secret's bytes in a file's bytes, whatever the encoding around them. Stateless. */
final class Secrets {
    private Secrets() {
    }

    static boolean contains(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
