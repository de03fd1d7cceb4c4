"""Documents for the council: the IVP, the uitvoeringsplan, the voortgangsrapportage and the
safety analysis as DOCX, PDF and HTML, built in the background and kept per plan version."""
