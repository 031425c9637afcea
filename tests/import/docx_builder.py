"""Writes .docx packages the way Word does, for the importer's tests.

Only the Python standard library is used. A document is built from paragraphs and tables
described in Python; this module writes every part Word writes for them ([Content_Types].xml,
relationships, document, styles, numbering, settings, headers, footers, comments, core
properties) with Word's namespaces and its Chinese-edition style ids ("a" for Normal, "1", "2",
"3" for the headings, "11" and "21" for the TOC levels).
"""

import zipfile
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14"'
)
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
DATE = "2024-03-01T09:00:00Z"

_ids = iter(range(1, 1_000_000))


def _next_id():
    return next(_ids)


# ---- runs ------------------------------------------------------------------------------------

def r(text, bold=False, hidden=False, style=None):
    """A run of text; tabs and line breaks become w:tab and w:br as Word writes them."""
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if bold:
        props += "<w:b/><w:bCs/>"
    if hidden:
        props += "<w:vanish/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def soft_hyphen():
    return "<w:r><w:softHyphen/></w:r>"


def ins(*runs):
    return f'<w:ins w:id="{_next_id()}" w:author="张三" w:date="{DATE}">{"".join(runs)}</w:ins>'


def delete(text):
    return (f'<w:del w:id="{_next_id()}" w:author="张三" w:date="{DATE}">'
            f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def move_from(text):
    return (f'<w:moveFrom w:id="{_next_id()}" w:author="张三" w:date="{DATE}">'
            f'<w:r><w:t>{escape(text)}</w:t></w:r></w:moveFrom>')


def move_to(text):
    return (f'<w:moveTo w:id="{_next_id()}" w:author="张三" w:date="{DATE}">'
            f'<w:r><w:t>{escape(text)}</w:t></w:r></w:moveTo>')


def field(instruction, *result_runs):
    """A complex field: begin, instruction, separate, the cached result, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + "".join(result_runs) +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def field_begin(instruction):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


def field_end():
    return '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def simple_field(instruction, text):
    return f'<w:fldSimple w:instr={quoteattr(" " + instruction + " ")}>{r(text)}</w:fldSimple>'


def hyperlink(rel_id, text):
    return f'<w:hyperlink r:id="{rel_id}" w:history="1">{r(text, style="a9")}</w:hyperlink>'


def comment(comment_id, *runs):
    return (f'<w:commentRangeStart w:id="{comment_id}"/>' + "".join(runs) +
            f'<w:commentRangeEnd w:id="{comment_id}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="aa"/></w:rPr><w:commentReference w:id="{comment_id}"/></w:r>')


def content_control(*runs, placeholder=False):
    plc = "<w:showingPlcHdr/>" if placeholder else ""
    return (f'<w:sdt><w:sdtPr><w:id w:val="{_next_id()}"/>{plc}<w:text/></w:sdtPr>'
            f'<w:sdtContent>{"".join(runs)}</w:sdtContent></w:sdt>')


def text_box(text):
    """A drawing with a text box, wrapped for markup compatibility as Word 2010+ writes it."""
    inner = f'<w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent>'
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            f'<wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


# ---- paragraphs and tables -------------------------------------------------------------------

def p(*runs, style=None, num=None, ilvl=None, outline=None, mark_deleted=False, jc=None):
    """A paragraph. Plain strings are runs of plain text."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None or ilvl is not None:
        props += "<w:numPr>"
        if ilvl is not None:
            props += f'<w:ilvl w:val="{ilvl}"/>'
        if num is not None:
            props += f'<w:numId w:val="{num}"/>'
        props += "</w:numPr>"
    if jc:
        props += f'<w:jc w:val="{jc}"/>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    if mark_deleted:
        props += f'<w:rPr><w:del w:id="{_next_id()}" w:author="张三" w:date="{DATE}"/></w:rPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    body = "".join(run if run.startswith("<") else r(run) for run in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def table(rows, header=True):
    """rows: lists of cells; a cell is a string or a list of paragraph XML strings."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in rows[0])
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="ab"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for i, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and i == 0 else ""
        out.append(f"<w:tr>{trpr}")
        for cell in row:
            paragraphs = cell if isinstance(cell, list) else [p(cell) if cell else p()]
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# ---- numbering -------------------------------------------------------------------------------

def level(ilvl, fmt="decimal", text=None, start=1, suff=None, legal=False, restart=None, style=None):
    parts = [f'<w:lvl w:ilvl="{ilvl}" w:tplc="0409000F">']
    if start is not None:
        parts.append(f'<w:start w:val="{start}"/>')
    parts.append(f'<w:numFmt w:val="{fmt}"/>')
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff:
        parts.append(f'<w:suff w:val="{suff}"/>')
    if text is not None:
        parts.append(f"<w:lvlText w:val={quoteattr(text)}/>")
    parts.append('<w:lvlJc w:val="left"/>')
    parts.append(f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>')
    return "".join(parts)


def abstract_num(aid, *levels, style_link=None, num_style_link=None):
    link = ""
    if style_link:
        link = f'<w:styleLink w:val="{style_link}"/>'
    if num_style_link:
        link = f'<w:numStyleLink w:val="{num_style_link}"/>'
    return (f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{aid + 0x1A2B3C00:08X}"/>'
            f'<w:multiLevelType w:val="multilevel"/>{link}{"".join(levels)}</w:abstractNum>')


def num(nid, aid, start_overrides=None, level_overrides=None):
    out = f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
    for ilvl, start in (start_overrides or {}).items():
        out += f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    for ilvl, lvl in (level_overrides or {}).items():
        out += f'<w:lvlOverride w:ilvl="{ilvl}">{lvl}</w:lvlOverride>'
    return out + "</w:num>"


# ---- styles ----------------------------------------------------------------------------------

def style(style_id, name, kind="paragraph", based_on=None, default=False, num_id=None, ilvl=None,
          outline=None, bold=False, custom=False):
    attrs = f'w:type="{kind}"'
    if default:
        attrs += ' w:default="1"'
    if custom:
        attrs += ' w:customStyle="1"'
    out = f'<w:style {attrs} w:styleId="{style_id}"><w:name w:val="{name}"/>'
    if based_on:
        out += f'<w:basedOn w:val="{based_on}"/>'
    out += '<w:qFormat/>'
    ppr = ""
    if num_id is not None:
        ppr += "<w:numPr>"
        if ilvl is not None:
            ppr += f'<w:ilvl w:val="{ilvl}"/>'
        ppr += f'<w:numId w:val="{num_id}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        out += f"<w:pPr>{ppr}</w:pPr>"
    if bold:
        out += "<w:rPr><w:b/><w:bCs/></w:rPr>"
    return out + "</w:style>"


def chinese_word_styles(heading_num=None):
    """The styles Chinese Word writes: ids "a", "1", "2", "3", "a3", "11", "21", "TOC"."""
    return [
        style("a", "Normal", default=True),
        style("1", "heading 1", based_on="a", outline=0, bold=True,
              num_id=heading_num, ilvl=0 if heading_num else None),
        # Heading 2 and 3 name their list but not the level: it comes from the level's pStyle.
        style("2", "heading 2", based_on="a", outline=1, bold=True, num_id=heading_num),
        style("3", "heading 3", based_on="a", outline=2, bold=True, num_id=heading_num),
        style("a0", "Default Paragraph Font", kind="character", default=True),
        style("a3", "Title", based_on="a", bold=True),
        style("11", "toc 1", based_on="a"),
        style("21", "toc 2", based_on="a"),
        style("TOC", "TOC Heading", based_on="1"),
        style("a5", "List Paragraph", based_on="a"),
        style("a8", "Strong", kind="character", bold=True),
        style("a9", "Hyperlink", kind="character"),
        style("aa", "annotation reference", kind="character"),
    ]


# ---- the package -----------------------------------------------------------------------------

class Document:
    def __init__(self, body, styles=None, numbering=None, comments=None, hyperlinks=None,
                 strict=False):
        self.body = body
        self.styles = styles if styles is not None else chinese_word_styles()
        self.numbering = numbering  # list of abstractNum and num XML strings, or None
        self.comments = comments or {}  # id → text
        self.hyperlinks = hyperlinks or {}  # relationship id → URL
        self.strict = strict

    def _w(self):
        return STRICT_W if self.strict else W

    def save(self, path):
        w_ns = self._w()
        ns = NAMESPACES.replace(W, w_ns)
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
                '<w:footerReference w:type="default" r:id="rIdFooter"/>'
                '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
        document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                    f'<w:document {ns}><w:body>{"".join(self.body)}{sect}</w:body></w:document>')
        styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                  f'<w:styles xmlns:w="{w_ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/>'
                  '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
                  f'{"".join(self.styles)}</w:styles>')
        rels = [
            ('rIdStyles', 'styles', 'styles.xml'),
            ('rIdSettings', 'settings', 'settings.xml'),
            ('rIdHeader', 'header', 'header1.xml'),
            ('rIdFooter', 'footer', 'footer1.xml'),
        ]
        relationship_base = ("http://purl.oclc.org/ooxml/officeDocument/relationships/" if self.strict
                             else "http://schemas.openxmlformats.org/officeDocument/2006/relationships/")
        overrides = [
            ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
            ("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
            ("/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"),
            ("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ]
        parts = {
            "word/document.xml": document,
            "word/styles.xml": styles,
            "word/settings.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                  f'<w:settings xmlns:w="{w_ns}"><w:trackRevisions/>'
                                  '<w:defaultTabStop w:val="420"/></w:settings>'),
            "word/header1.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                 f'<w:hdr xmlns:w="{w_ns}"><w:p><w:r><w:t>页眉：某某物业服务有限公司</w:t></w:r></w:p></w:hdr>'),
            "word/footer1.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                 f'<w:ftr xmlns:w="{w_ns}"><w:p><w:r><w:t>第 1 页</w:t></w:r></w:p></w:ftr>'),
            "docProps/core.xml": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                                  'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Microsoft Word - 手册.doc</dc:title>'
                                  '<dc:creator>张三</dc:creator></cp:coreProperties>'),
        }
        if self.numbering is not None:
            parts["word/numbering.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                           f'<w:numbering {ns}>{"".join(self.numbering)}</w:numbering>')
            rels.append(("rIdNumbering", "numbering", "numbering.xml"))
            overrides.append(("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))
        if self.comments:
            body = "".join(f'<w:comment w:id="{cid}" w:author="李四" w:date="{DATE}" w:initials="李">'
                           f'<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:comment>'
                           for cid, text in self.comments.items())
            parts["word/comments.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                          f'<w:comments xmlns:w="{w_ns}">{body}</w:comments>')
            rels.append(("rIdComments", "comments", "comments.xml"))
            overrides.append(("/word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"))
        rel_xml = "".join(f'<Relationship Id="{rid}" Type="{relationship_base}{kind}" Target="{target}"/>'
                          for rid, kind, target in rels)
        rel_xml += "".join(f'<Relationship Id="{rid}" Type="{relationship_base}hyperlink" '
                           f'Target={quoteattr(url)} TargetMode="External"/>'
                           for rid, url in self.hyperlinks.items())
        parts["word/_rels/document.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{rel_xml}</Relationships>')
        parts["_rels/.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{relationship_base}officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>')
        override_xml = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in overrides)
        parts["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'{override_xml}</Types>')
        order = ["[Content_Types].xml", "_rels/.rels"] + [n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name in order:
                package.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), parts[name].encode("utf-8"),
                                 compress_type=zipfile.ZIP_DEFLATED)
