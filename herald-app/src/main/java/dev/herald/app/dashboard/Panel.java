package dev.herald.app.dashboard;

/**
 * One panel of the dashboard: a headline value, a detail line and a sparkline.
 *
 * @param id     the panel element's id, which its out-of-band swap replaces
 * @param points the sparkline's polyline points, or empty for none
 */
public record Panel(String id, String title, String value, String detail, String points) {

    public int width() {
        return Sparkline.WIDTH;
    }

    public int height() {
        return Sparkline.HEIGHT;
    }
}
