package io.github.ucgroups.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Prints the rows collected by {@link Results} as one Markdown table. */
public final class Report {

	private Report() {
	}

	public static void main(String[] args) throws Exception {
		List<String[]> rows = new ArrayList<>();
		rows.add(Results.HEADER);
		rows.addAll(Results.read());
		int[] widths = new int[Results.HEADER.length];
		for (String[] row : rows) {
			for (int i = 0; i < widths.length && i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder out = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			out.append(line(rows.get(r), widths));
			if (r == 0) {
				String[] dashes = new String[widths.length];
				for (int i = 0; i < widths.length; i++) {
					dashes[i] = "-".repeat(widths[i]);
				}
				out.append(line(dashes, widths));
			}
		}
		System.out.print(out);
	}

	private static String line(String[] row, int[] widths) {
		StringBuilder line = new StringBuilder("|");
		for (int i = 0; i < widths.length; i++) {
			String cell = (i < row.length) ? row[i] : "";
			line.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
		}
		return line.append('\n').toString();
	}

}
