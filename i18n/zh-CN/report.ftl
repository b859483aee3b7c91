# Reports and exports: legend, title block, Markdown/HTML/CSV/PDF (issue 20, report side).
