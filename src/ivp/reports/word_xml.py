"""Elements put where Word's schema wants them: Word refuses a file whose settings or paragraph
properties hold their children out of the schema's order."""

from docx.oxml.ns import qn

# The children of w:settings in the schema's order, up to the theme's font language.
_SETTINGS = """writeProtection view zoom removePersonalInformation removeDateAndTime
        doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText
        printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts
        saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges
        bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors
        hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate
        linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView
        trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection
        autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation
        consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength
        clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting
        bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing
        drawingGridVerticalSpacing displayHorizontalDrawingGridEvery
        displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin
        drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData
        noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars
        noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema
        saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml
        saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace
        updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids"""
SETTINGS = [f"w:{name}" for name in _SETTINGS.split()] + [
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
]
# The children of a paragraph's properties that come before w:suppressAutoHyphens.
_BEFORE_HYPHENS = "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
PARAGRAPH_BEFORE_HYPHENS = [
    f"w:{n}" for n in f"{_BEFORE_HYPHENS} suppressLineNumbers pBdr shd tabs".split()
]


def before_in_settings(tag: str) -> list[str]:
    return SETTINGS[: SETTINGS.index(tag)]


def insert(parent, element, *, after: list[str]) -> None:
    """`element` into `parent` after the children whose tags are in `after`, before the rest."""
    earlier = {qn(tag) for tag in after}
    later = next((child for child in parent if child.tag not in earlier), None)
    if later is None:
        parent.append(element)
    else:
        later.addprevious(element)
