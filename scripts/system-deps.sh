#!/usr/bin/env bash
# The Debian packages the tests need: a PostgreSQL server, Chromium for the browser tests,
# Pango for PDF documents, poppler-utils to look at them and LibreOffice to open the DOCX as a
# reader without Word would.
# Installed when missing and we are root; otherwise named, so the user can install them.
set -euo pipefail

missing=()
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# WeasyPrint (PDF) lays out text with Pango; pdftoppm renders PDF pages for the tests to look at.
{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libpangoft2-1.0.so.0' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# LibreOffice Writer without a display: the DOCX is converted to PDF to see how it lays out.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# Dutch hyphenation patterns, so LibreOffice hyphenates the DOCX's text as Word does.
[ -e /usr/share/hyphen/hyph_nl_NL.dic ] || missing+=(hyphen-nl)
# Fonts that cover Dutch diacritics, so screenshots and PDFs render text.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installeren: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "De tests hebben deze Debian-pakketten nodig: ${missing[*]}" >&2
  echo "Installeer ze met: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
