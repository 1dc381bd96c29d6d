package io.github.calspike.register;

/** Moves frames by sub-pixel amounts (bilinear interpolation; edge pixels repeated outside). */
public final class Shifts {

	private Shifts() {}

	/**
	 * Aligns a frame whose content is displaced by (dx, dy): out(x, y) = in(x + dx, y + dy), that is
	 * the frame moved by (-dx, -dy). Coordinates outside the frame take the nearest edge pixel.
	 *
	 * @param in and {@code out}: {@code w * h} values row by row (not the same array)
	 */
	public static void apply(float[] in, int w, int h, double dx, double dy, float[] out) {
		int ix = (int) Math.floor(dx), iy = (int) Math.floor(dy);
		float fx = (float) (dx - ix), fy = (float) (dy - iy);
		int[] x0 = new int[w], x1 = new int[w];
		for (int x = 0; x < w; x++) {
			x0[x] = clamp(x + ix, w);
			x1[x] = clamp(x + ix + 1, w);
		}
		for (int y = 0; y < h; y++) {
			int r0 = clamp(y + iy, h) * w, r1 = clamp(y + iy + 1, h) * w, o = y * w;
			for (int x = 0; x < w; x++) {
				float a = in[r0 + x0[x]], b = in[r0 + x1[x]], c = in[r1 + x0[x]], d = in[r1 + x1[x]];
				float top = a + fx * (b - a), bottom = c + fx * (d - c);
				out[o + x] = top + fy * (bottom - top);
			}
		}
	}

	private static int clamp(int v, int n) {
		return v < 0 ? 0 : v >= n ? n - 1 : v;
	}
}
