package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The curve of a sweep as an SVG line chart: liquidity given (total, CNY) on the x axis; on the y
 * axis, from 0 to 1, each mode's delay indicator (solid line: 0 no delay, 1 nothing settled before
 * the end of its day) and its settlement ratio by value (dashed: the share of the value that
 * settled). Both count unsettled payments, so a mode that settles little cannot look fast. Plain SVG
 * text: no scripting, no external resources, readable offline and in the native binary.
 */
public final class SweepChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};

    private SweepChart() {
    }

    public static String svg(String title, List<SimulationReport.SweepPoint> points) {
        double maxX = 0;
        for (SimulationReport.SweepPoint p : points) {
            maxX = Math.max(maxX, new BigDecimal(p.liquidityTotal()).doubleValue());
        }
        maxX = maxX == 0 ? 1 : maxX;
        int w = WIDTH - LEFT - RIGHT;
        int h = HEIGHT - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<title>").append(escape(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(LEFT).append("\" y=\"22\" font-size=\"15\">").append(escape(title)).append("</text>\n");
        s.append(line(LEFT, TOP + h, LEFT + w, TOP + h)).append(line(LEFT, TOP, LEFT, TOP + h));
        for (int i = 0; i <= 4; i++) {
            int x = LEFT + w * i / 4;
            int y = TOP + h - h * i / 4;
            s.append("<text x=\"").append(x).append("\" y=\"").append(TOP + h + 18).append("\" text-anchor=\"middle\">")
                    .append(compact(maxX * i / 4)).append("</text>\n");
            s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", i / 4.0)).append("</text>\n");
        }
        s.append("<text x=\"").append(LEFT + w / 2).append("\" y=\"").append(HEIGHT - 14)
                .append("\" text-anchor=\"middle\">liquidity given, total (CNY)</text>\n");
        s.append("<text transform=\"translate(18 ").append(TOP + h / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">delay indicator / settled share of value</text>\n");
        if (!points.isEmpty()) {
            int c = 0;
            int legend = 0;
            for (String mode : points.get(0).modes().keySet()) {
                String colour = COLOURS[c % COLOURS.length];
                for (boolean indicator : new boolean[] {true, false}) {
                    StringBuilder path = new StringBuilder();
                    for (SimulationReport.SweepPoint p : points) {
                        SimulationReport.SweepMode m = p.modes().get(mode);
                        double value = new BigDecimal(indicator ? m.delayIndicator() : m.settlementRatio().value()).doubleValue();
                        double x = LEFT + w * new BigDecimal(p.liquidityTotal()).doubleValue() / maxX;
                        double y = TOP + h - h * value;
                        path.append(path.isEmpty() ? "M" : " L").append(Math.round(x)).append(',').append(Math.round(y));
                        s.append("<circle cx=\"").append(Math.round(x)).append("\" cy=\"").append(Math.round(y))
                                .append("\" r=\"3\" fill=\"").append(colour).append("\"/>\n");
                    }
                    String dash = indicator ? "" : " stroke-dasharray=\"6 4\"";
                    s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                            .append("\" stroke-width=\"2\"").append(dash).append("/>\n");
                    int ly = TOP + 16 + legend++ * 18;
                    s.append("<line x1=\"").append(WIDTH - RIGHT + 15).append("\" y1=\"").append(ly - 4).append("\" x2=\"")
                            .append(WIDTH - RIGHT + 35).append("\" y2=\"").append(ly - 4).append("\" stroke=\"").append(colour)
                            .append("\" stroke-width=\"2\"").append(dash).append("/>\n");
                    s.append("<text x=\"").append(WIDTH - RIGHT + 40).append("\" y=\"").append(ly).append("\">")
                            .append(escape(mode + (indicator ? " delay indicator" : " settled share"))).append("</text>\n");
                }
                c++;
            }
        }
        return s.append("</svg>\n").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#333\" stroke-width=\"1\"/>\n";
    }

    /** 1234567 as 1.23M: axis labels, not amounts. */
    private static String compact(double v) {
        String[] units = {"", "k", "M", "bn", "tn"};
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v >= 100 || v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v)) + units[u];
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
