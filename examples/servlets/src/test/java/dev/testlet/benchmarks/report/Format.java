package dev.testlet.benchmarks.report;

import java.util.Locale;

/** Numbers as the table prints them: three significant digits, thousands separated. */
final class Format {

    private Format() {}

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : a >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    static String scoreWithError(double score, double error) {
        return Double.isNaN(error) ? number(score) : number(score) + " ± " + number(error);
    }

    static String ratio(double ratio, double error) {
        return Double.isNaN(error) ? number(ratio) + "×" : number(ratio) + "× ± " + number(error);
    }

    static String unit(String unit, String mode) {
        String u = unit.replace("us/", "µs/");
        return mode.equals("ss") ? u.replace("/op", " per run") : u;
    }
}
