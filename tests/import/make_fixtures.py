"""Generates the importer's test files: Word documents built by docx_builder as Word writes
them, the refusals (.doc, encrypted, Strict, zip bomb, …) and plain-text manuals in each
encoding. Run by the build: make_fixtures.py OUTPUT_DIR.
"""

import os
import re
import sys
import zipfile

from docx_builder import (Document, abstract_num, chinese_word_styles, comment, content_control,
                          delete, field, field_begin, field_end, hyperlink, ins, level, move_from,
                          move_to, num, p, r, simple_field, soft_hyphen, style, table, text_box)


def multilevel(path):
    """Automatic numbering: 第%1章 then isLgl %1.%2, restarts, shared counters, numStyleLink."""
    numbering = [
        abstract_num(0,
                     level(0, "chineseCounting", "第%1章", suff="space", style="1"),
                     level(1, "decimal", "%1.%2", suff="space", legal=True, style="2"),
                     level(2, "decimal", "%1.%2.%3", suff="space", legal=True, style="3")),
        abstract_num(1, level(0, "decimal", "%1."), level(1, "decimal", "(%2)")),
        abstract_num(2, level(0, "decimal", "%1、", suff="nothing")),
        abstract_num(3, num_style_link="a7"),
        abstract_num(4, level(0, "decimalFullWidth", "%1．", suff="nothing"), style_link="a7"),
        abstract_num(5, level(0, "bullet", "\uf06c")),
        num(1, 0),
        num(2, 1),
        num(3, 1, start_overrides={0: 1}),
        num(4, 1),  # no override: continues the counters of abstract 1
        num(5, 2),
        num(6, 4),
        num(7, 0, start_overrides={0: 11}),
        num(8, 3),
        num(9, 5),
    ]
    styles = chinese_word_styles(heading_num=1) + [style("a7", "全角编号", kind="numbering", num_id=6)]
    body = [
        p("物业公司岗位职责手册", style="a3"),
        p("本手册规定各岗位的职责。"),
        p("总则", style="1"),
        p("目的", style="2"),
        p("明确岗位职责。", num=2, ilvl=0),
        p("规范工作流程。", num=2, ilvl=0),
        p("含外包单位。", num=2, ilvl=1),
        p("适用范围", style="2"),
        p("1.全体员工。", num=3, ilvl=0),
        p("外包人员。", num=3, ilvl=0),
        p("客户服务部岗位职责", style="1"),
        p("客服主管", style="2"),
        p("直接上级：物业经理", num=9, ilvl=0),
        p("岗位概述", style="3"),
        p("客服主管负责客户服务部的全面管理。"),
        p("主要职责", style="3"),
        p("组织接待业主。", num=4, ilvl=0),
        p("督办报修工单。", num=4, ilvl=0),
        p("岗位权限", style="3"),
        p("工作安排权。", num=5),
        p("考核评分权。", num=5),
        p("任职要求", style="3"),
        p("大专以上学历。", num=8, ilvl=0),
        p("三年以上经验。", num=8, ilvl=0),
        p("附则", style="1", num=7, ilvl=0),
        p("解释", style="2"),
        p("本手册由综合管理部解释。"),
    ]
    Document(body, styles=styles, numbering=numbering).save(path)


def outline_styles(path):
    """Headings by outlineLvl and basedOn, chineseCountingThousand, suff nothing, lvlRestart."""
    numbering = [
        abstract_num(10,
                     level(0, "chineseCountingThousand", "第%1章", suff="nothing", style="Zhang"),
                     level(1, "chineseCountingThousand", "%2、", suff="nothing", style="Jie"),
                     level(2, "chineseCountingThousand", "（%3）", suff="nothing", restart=1,
                           style="Xiao")),
        abstract_num(11, level(0, "decimal", "%1.")),
        num(20, 10),
        num(21, 11),
        num(22, 11, start_overrides={0: 1}),
        num(23, 11, start_overrides={0: 1}),
    ]
    styles = chinese_word_styles() + [
        style("Zhang", "章标题", based_on="a", outline=0, num_id=20, ilvl=0, bold=True, custom=True),
        style("Jie", "节标题", based_on="2", num_id=20, ilvl=1, custom=True),
        style("Xiao", "小节标题", based_on="a", num_id=20, ilvl=2, custom=True),
    ]
    body = [
        p("岗位职责手册（试行）", style="a3"),
        p("总则", style="Zhang"),
        p("目的", style="Jie"),
        p("明确职责。", num=21, ilvl=0),
        p("客户服务部岗位职责", style="Zhang"),
        p("客服主管", style="Jie"),
        p("岗位职责", style="Xiao", outline=2),
        p("接待业主。", num=22, ilvl=0),
        p("处理投诉。", num=22, ilvl=0),
        p("客服专员", style="Jie"),
        p("岗位职责", style="Xiao", outline=2),
        p("登记报修。", num=23, ilvl=0),
    ]
    Document(body, styles=styles, numbering=numbering).save(path)


def typed(path):
    """No automatic numbering and no heading styles: bold lines and typed numbers."""
    def bold(text):
        return p(r(text, bold=True))

    body = [
        p(r("物业服务中心岗位职责", bold=True), jc="center"),
        p("本手册适用于本中心全体员工。"),
        bold("第一章\u3000总则"),
        bold("1.1目的"),
        p("1.全面负责中心的日常管理。"),
        p("2、做好与业主的沟通。"),
        bold("１．２\u3000适用范围"),
        p("（1）全体正式员工。"),
        p("（2）试用期员工。"),
        bold("第二章 客户服务部岗位职责"),
        bold("一、客服主管"),
        bold("（一）岗位职责"),
        p("1、负责前台接待工作。"),
        p("2、负责投诉处理："),
        p("（1）登记投诉内容；"),
        p("（2）跟进处理结果。"),
        p("3、负责业主回访。"),
        bold("二、客服专员"),
        bold("（一）岗位职责"),
        p("1、受理报修。"),
        p("2、登记维修。\n3、回访业主。"),
        bold("第三章 奖惩"),
        p("第一条 员工违反本手册的，按公司制度处理。"),
        p("第二条 表现优秀的，给予表扬。"),
    ]
    Document(body).save(path)


def tracked(path):
    """Tracked changes, fields, soft hyphens, comments, links, content controls, hidden text."""
    numbering = [abstract_num(0, level(0, "decimal", "%1.")), num(1, 0)]
    body = [
        p("修订测试手册", style="a3"),
        p("第一章 总则", style="1"),
        p("1.1 目的", style="2"),
        p("负责", delete("不"), ins(r("全面")), "管理。", num=1),
        p(delete("此条已删除。"), num=1, mark_deleted=True),
        p(move_from("旧位置"), "检查", move_to("新位置"), "记录。", num=1),
        p("详见", field("REF _Ref123 \\h", r("第二章")), "，页码", simple_field("PAGE", "3"), "。", num=1),
        p("业", soft_hyphen(), "主\u00ad满意度", num=1),
        p(comment(0, r("按时巡查")), "公共区域。", num=1),
        p("遵守", hyperlink("rIdLink", "物业管理条例"), "。", num=1),
        p("岗位：", content_control(r("客服主管")), num=1),
        p("填写人：", content_control(r("单击或点击此处输入文字。"), placeholder=True), num=1),
        p("对外公开。", r("内部备注", hidden=True), num=1),
        p("甲方", num=1, mark_deleted=True),
        p("乙方签字。", num=1),
        p("见附图", text_box("文本框里的说明"), "。", num=1),
    ]
    Document(body, numbering=numbering, comments={0: "批注内容：请核实"},
             hyperlinks={"rIdLink": "https://example.org/tiaoli"}).save(path)


def tables(path):
    """A 序号 | 职责 table, one with Word numbering in the 序号 column, a plain and a layout table."""
    numbering = [abstract_num(0, level(0, "decimal", "%1")), num(1, 0)]
    body = [
        p("第一章 客户服务部岗位职责", style="1"),
        p("1.1 客服主管", style="2"),
        p("1.1.1 主要职责", style="3"),
        table([["序号", "职责"], ["1", "负责前台接待。"], ["2", "负责投诉处理。"], ["3", "负责业主回访。"]]),
        p("1.1.2 岗位权限", style="3"),
        table([["序号", "权限", "说明"],
               [[p("", num=1)], "检查权", "检查前台工作。"],
               [[p("", num=1)], "考核权", "考核客服专员。"]]),
        p("1.1.3 任职要求", style="3"),
        table([["学历", "大专以上"], ["经验", "三年以上"]], header=False),
        p("1.2 客服专员", style="2"),
        p("1.2.1 岗位概述", style="3"),
        table([[[p("客服专员负责前台接待。"), p("客服专员对登记负责。")]]], header=False),
    ]
    Document(body, numbering=numbering).save(path)


def toc_field(path):
    """A table of contents as Word's TOC field, with a 目录 line above it."""
    toc = 'TOC \\o "1-3" \\h \\z \\u'
    body = [
        p("岗位职责手册", style="a3"),
        p("目  录"),
        p(field_begin(toc), r("第一章 总则\t1"), style="11"),
        p(r("1.1 目的\t1"), style="21"),
        p(r("第二章 附则\t2"), field_end(), style="11"),
        p("第一章 总则", style="1"),
        p("1.1 目的", style="2"),
        p("1.明确职责。"),
        p("第二章 附则", style="1"),
        p("本手册自发布之日起施行。"),
    ]
    Document(body).save(path)


def toc_control(path):
    """A table of contents in a content control, as Word 2013 and later insert it."""
    entries = (p("目录", style="TOC") + p(field_begin("TOC \\o \"1-3\""), r("第一章 总则\t1"), style="11") +
               p(r("第二章 附则\t2"), field_end(), style="11"))
    sdt = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' + entries + "</w:sdtContent></w:sdt>")
    body = [
        p("岗位职责手册", style="a3"),
        sdt,
        p("第一章 总则", style="1"),
        p("1.1 目的", style="2"),
        p("1.明确职责。"),
        p("第二章 附则", style="1"),
        p("本手册自发布之日起施行。"),
    ]
    Document(body).save(path)


def rebind_prefix(source, path, replace):
    """A copy of `source` whose document.xml is rewritten by `replace`."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == "word/document.xml":
                data = replace(data.decode("utf-8")).encode("utf-8")
            copy.writestr(name, data)


def other_prefix(text):
    """Word's namespace under the prefix "x" instead of "w": still Word."""
    text = re.sub(r"(</?)w:", r"\1x:", text)
    return text.replace(" w:", " x:").replace("xmlns:w=", "xmlns:x=")


def foreign_namespace(text):
    """The prefix "w" bound to some other namespace: not Word, whatever the names say."""
    return text.replace('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
                        'xmlns:w="urn:example:not-word"')


def strict(path):
    Document([p("第一章 总则", style="1"), p("1.明确职责。")], strict=True).save(path)


def ole(path, stream):
    """The header of an OLE compound file and a directory entry naming `stream`."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    entry = stream.encode("utf-16-le").ljust(64, b"\0")
    with open(path, "wb") as out:
        out.write(header + entry + bytes(448))


def zip_bomb(path):
    """A valid docx whose document.xml inflates to 80 MB of spaces."""
    body = b'<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>' % W_NS + b" " * (80 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("word/document.xml", body)


W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/></Relationships>')


def other_zips(out):
    with zipfile.ZipFile(os.path.join(out, "odt.docx"), "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(os.path.join(out, "excel.docx"), "w") as package:
        package.writestr("_rels/.rels", ROOT_RELS.replace("word/document.xml", "xl/workbook.xml"))
        package.writestr("xl/workbook.xml", "<workbook/>")
    with open(os.path.join(out, "corrupt.docx"), "wb") as corrupt:
        corrupt.write(b"PK\x03\x04" + bytes(range(256)) * 4)


TEXT_MANUAL = """物业服务中心岗位职责手册

目录
第一章 总则……………………1
第二章 客户服务部岗位职责…………2

本手册适用于全体员工。
第一章 总则
1.1 目的
1.明确岗位职责。
2.规范工作流程。
第二章 客户服务部岗位职责
2.1 客服主管
直接上级：物业经理
2.1.1 岗位职责
1、负责前台接待。
2、负责投诉处理。
2.1.2 考核标准
（1）投诉处理及时率100%。
"""


def texts(out):
    def write(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    write("utf8.txt", TEXT_MANUAL.encode("utf-8"))
    write("utf8-bom.txt", b"\xef\xbb\xbf" + TEXT_MANUAL.encode("utf-8"))
    write("utf16le.txt", b"\xff\xfe" + TEXT_MANUAL.replace("\n", "\r\n").encode("utf-16-le"))
    write("utf16be.txt", b"\xfe\xff" + TEXT_MANUAL.encode("utf-16-be"))
    write("gb18030.txt", TEXT_MANUAL.replace("\n", "\r\n").encode("gb18030"))
    write("binary.txt", b"\x00\x01\x02garbage\x00" * 10)
    write("notzip.docx", "这其实是一个文本文件".encode("utf-8"))
    write("pdf.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    write("rtf.doc", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    multilevel(os.path.join(out, "multilevel.docx"))
    outline_styles(os.path.join(out, "outline-styles.docx"))
    typed(os.path.join(out, "typed.docx"))
    tracked(os.path.join(out, "tracked.docx"))
    tables(os.path.join(out, "tables.docx"))
    toc_field(os.path.join(out, "toc-field.docx"))
    toc_control(os.path.join(out, "toc-control.docx"))
    strict(os.path.join(out, "strict.docx"))
    rebind_prefix(os.path.join(out, "typed.docx"), os.path.join(out, "other-prefix.docx"), other_prefix)
    rebind_prefix(os.path.join(out, "typed.docx"), os.path.join(out, "foreign-namespace.docx"),
                  foreign_namespace)
    ole(os.path.join(out, "old.doc"), "WordDocument")
    ole(os.path.join(out, "encrypted.docx"), "EncryptedPackage")
    ole(os.path.join(out, "kingsoft.wps"), "WordDocument")
    zip_bomb(os.path.join(out, "bomb.docx"))
    other_zips(out)
    texts(out)


if __name__ == "__main__":
    main()
