#include "import/docx_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <pugixml.hpp>

#include "core/utf8.h"
#include "import/docx_numbering.h"
#include "import/docx_styles.h"
#include "import/duty_table.h"
#include "import/import_error.h"
#include "import/source_text.h"
#include "import/word_xml.h"

namespace dutydesk {

namespace {

// Deeper nesting than this is no real document and would exhaust the stack.
constexpr int kMaxDepth = 200;

struct Field {
  std::string instruction;
  bool showingResult = false;
  bool tableOfContents = false;
};

// The text of one paragraph while its runs are read.
struct ParagraphText {
  std::string text;
  int visibleChars = 0;
  int boldChars = 0;
  int tableOfContentsChars = 0;  // shown by a TOC field: left out
};

std::string upperTrimmed(std::string_view text) {
  std::string out = utf8::trim(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::toupper(c) : c); });
  return out;
}

bool isTableOfContentsInstruction(std::string_view instruction) {
  const std::string upper = upperTrimmed(instruction);
  return upper == "TOC" || upper.starts_with("TOC ") || upper.starts_with("TOC\\");
}

class Reader {
 public:
  Reader(const WordNames& w, const DocxStyles& styles, DocxNumbering& numbering,
         ImportReport& report)
      : w_(w), styles_(styles), numbering_(numbering), report_(report) {}

  std::vector<SourceParagraph> read(pugi::xml_node body) {
    std::vector<SourceParagraph> out;
    blocks(body, out, 0);
    flushTableOfContents();
    return out;
  }

 private:
  void checkDepth(int depth) const {
    if (depth > kMaxDepth)
      throw ImportError("文档结构嵌套过深（超过 200 层），不像正常的 Word 文档");
  }

  // Counts the paragraphs of content that is skipped, so later paragraph numbers stay right.
  void skipParagraphs(pugi::xml_node node) {
    int count = 0;
    struct Counter : pugi::xml_tree_walker {
      const WordNames* w;
      int* count;
      bool for_each(pugi::xml_node& node) override {
        if (w->is(node, "p")) ++*count;
        return true;
      }
    } counter;
    counter.w = &w_;
    counter.count = &count;
    node.traverse(counter);
    paragraphNumber_ += count;
  }

  // The text inside an object Word draws (text box, shape, equation), if any. Of markup
  // compatibility alternatives only the first counts: the fallback repeats it.
  std::string textInside(pugi::xml_node node) const {
    if (localName(node.name()) == "AlternateContent") node = node.first_child();
    struct Collector : pugi::xml_tree_walker {
      std::string text;
      bool for_each(pugi::xml_node& node) override {
        const std::string_view local = localName(node.name());
        if (node.type() == pugi::node_element && (local == "t")) text += node.child_value();
        return true;
      }
    } collector;
    node.traverse(collector);
    return collector.text;
  }

  void dropDrawn(pugi::xml_node node, std::string_view what) {
    const std::string text = cleanSourceText(textInside(node));
    if (!text.empty()) {
      report_.drop(paragraphNumber_, text,
                   std::string(what) + "中的文字未导入；如是条款，请移到正文中");
    }
  }

  void blocks(pugi::xml_node parent, std::vector<SourceParagraph>& out, int depth) {
    checkDepth(depth);
    for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
      block(node, out, depth + 1);
    }
  }

  void block(pugi::xml_node node, std::vector<SourceParagraph>& out, int depth) {
    if (node.type() != pugi::node_element) return;
    if (w_.is(node, "p")) {
      if (auto paragraph = readParagraph(node, depth)) out.push_back(std::move(*paragraph));
      if (tocJustStarted_) dropTableOfContentsTitle(out);
    } else if (w_.is(node, "tbl")) {
      table(node, out, depth);
    } else if (w_.is(node, "sdt")) {
      blockContentControl(node, out, depth);
    } else if (w_.is(node, "customXml") || w_.is(node, "ins") || w_.is(node, "moveTo")) {
      blocks(node, out, depth);
    } else if (w_.is(node, "del") || w_.is(node, "moveFrom")) {
      skipParagraphs(node);
    } else if (w_.is(node, "altChunk")) {
      report_.drop(paragraphNumber_, "",
                   "嵌入的外部文档（altChunk）未导入；请在 Word 中把它粘贴为正文");
    } else if (!w_.isWord(node)) {
      dropDrawn(node, "图形");
      skipParagraphs(node);
    }
  }

  void blockContentControl(pugi::xml_node sdt, std::vector<SourceParagraph>& out, int depth) {
    const pugi::xml_node properties = w_.child(sdt, "sdtPr");
    const pugi::xml_node content = w_.child(sdt, "sdtContent");
    const pugi::xml_node gallery = w_.child(w_.child(properties, "docPartObj"), "docPartGallery");
    if (gallery &&
        std::string_view(w_.val(gallery)).find("Table of Contents") != std::string_view::npos) {
      startTableOfContents(out);
      skipParagraphs(content);
      tocLast_ = paragraphNumber_;
      flushTableOfContents();
      return;
    }
    if (w_.child(properties, "showingPlcHdr")) {
      const int first = paragraphNumber_ + 1;
      const std::string text = cleanSourceText(textInside(content));
      skipParagraphs(content);
      report_.drop(first, text, "未填写的内容控件，里面只有提示文字");
      return;
    }
    blocks(content, out, depth);
  }

  void table(pugi::xml_node tbl, std::vector<SourceParagraph>& out, int depth) {
    std::vector<TableRow> rows;
    forEachWrapped(tbl, "tr", [&](pugi::xml_node tr) {
      if (w_.child(w_.child(tr, "trPr"), "del")) {
        skipParagraphs(tr);
        return;
      }
      TableRow row;
      row.where = paragraphNumber_ + 1;
      forEachWrapped(tr, "tc", [&](pugi::xml_node tc) {
        TableCell cell;
        blocks(tc, cell.paragraphs, depth + 1);
        row.cells.push_back(std::move(cell));
      });
      rows.push_back(std::move(row));
    });
    for (SourceParagraph& paragraph : tableToParagraphs(rows, report_)) {
      out.push_back(std::move(paragraph));
    }
  }

  // Rows and cells may sit inside content controls or custom XML.
  template <typename Visit>
  void forEachWrapped(pugi::xml_node parent, std::string_view local, Visit visit) {
    for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
      if (w_.is(node, local)) {
        visit(node);
      } else if (w_.is(node, "sdt")) {
        forEachWrapped(w_.child(node, "sdtContent"), local, visit);
      } else if (w_.is(node, "customXml")) {
        forEachWrapped(node, local, visit);
      }
    }
  }

  bool fieldTextVisible() const {
    return std::all_of(fields_.begin(), fields_.end(),
                       [](const Field& field) { return field.showingResult; });
  }

  bool inTableOfContentsField() const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [](const Field& field) { return field.tableOfContents; });
  }

  std::optional<SourceParagraph> readParagraph(pugi::xml_node p, int depth) {
    const int number = ++paragraphNumber_;
    const pugi::xml_node pPr = w_.child(p, "pPr");
    std::string styleId(w_.childVal(pPr, "pStyle").value_or(""));
    if (styleId.empty()) styleId = styles_.defaultParagraphStyle();
    paragraphBold_ = styles_.bold(styleId).value_or(false);

    ParagraphText text;
    const bool tocBefore = inTableOfContentsField();
    inlines(p, text, depth);
    flushHidden();
    // A paragraph is part of the table of contents when all it shows is the TOC field's result;
    // the field often ends at the start of the first real paragraph, which stays.
    const bool tocParagraph = text.visibleChars == 0 && (text.tableOfContentsChars > 0 ||
                                                         (tocBefore && inTableOfContentsField()));
    if (tocParagraph || styles_.isTableOfContents(styleId)) {
      if (!tocFirst_) {
        startTableOfContents(number);
        tocJustStarted_ = true;
      }
      tocLast_ = number;
      return std::nullopt;
    }
    flushTableOfContents();

    // A deleted paragraph mark joins this paragraph's text to the next one, as accepting the
    // change in Word would; the mark's own numbering goes with it.
    std::string joined = carried_ + text.text;
    carried_.clear();
    if (w_.child(w_.child(pPr, "rPr"), "del")) {
      if (!carriedWhere_ && !utf8::trim(joined).empty()) carriedWhere_ = number;
      carried_ = joined;
      return std::nullopt;
    }

    SourceParagraph paragraph;
    paragraph.where = carriedWhere_ ? carriedWhere_ : number;
    carriedWhere_ = 0;
    const pugi::xml_node numPr = w_.child(pPr, "numPr");
    const NumberingRef fromStyle = styles_.numbering(styleId);
    const std::optional<int> numId =
        w_.child(numPr, "numId") ? w_.childInt(numPr, "numId") : fromStyle.numId;
    if (numId) {
      const int ilvl =
          w_.childInt(numPr, "ilvl")
              .value_or(fromStyle.ilvl.value_or(numbering_.levelOfStyle(*numId, styleId)));
      paragraph.label = numbering_.next(*numId, ilvl);
    }
    paragraph.headingLevel = styles_.headingLevel(styleId);
    if (paragraph.headingLevel == 0) {
      const std::optional<int> outline = w_.childInt(pPr, "outlineLvl")
                                             ? w_.childInt(pPr, "outlineLvl")
                                             : styles_.outlineLevel(styleId);
      if (outline && *outline >= 0 && *outline < 9) paragraph.headingLevel = *outline + 1;
    }
    paragraph.titleStyle = styles_.isTitle(styleId);
    paragraph.text = cleanSourceText(joined);
    paragraph.bold = text.visibleChars > 0 && text.boldChars == text.visibleChars;
    if (paragraph.text.empty()) {
      if (paragraph.label && !paragraph.label->bullet && !paragraph.label->text.empty()) {
        paragraph.where = number;
        return paragraph;  // a table's 序号 cell; elsewhere the outline drops it
      }
      return std::nullopt;
    }
    return paragraph;
  }

  void inlines(pugi::xml_node parent, ParagraphText& text, int depth) {
    checkDepth(depth);
    for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      if (w_.is(node, "r")) {
        run(node, text, depth + 1);
      } else if (w_.is(node, "ins") || w_.is(node, "moveTo") || w_.is(node, "hyperlink") ||
                 w_.is(node, "smartTag") || w_.is(node, "customXml") || w_.is(node, "fldSimple") ||
                 w_.is(node, "dir") || w_.is(node, "bdo")) {
        inlines(node, text, depth + 1);
      } else if (w_.is(node, "sdt")) {
        const pugi::xml_node properties = w_.child(node, "sdtPr");
        const pugi::xml_node content = w_.child(node, "sdtContent");
        if (w_.child(properties, "showingPlcHdr")) {
          report_.drop(paragraphNumber_, cleanSourceText(textInside(content)),
                       "未填写的内容控件，里面只有提示文字");
          continue;
        }
        inlines(content, text, depth + 1);
      } else if (!w_.isWord(node)) {
        dropDrawn(node, localName(node.name()).starts_with("oMath") ? "公式" : "文本框或图形");
      }
    }
  }

  void append(ParagraphText& text, std::string_view piece, bool bold) {
    const bool tableOfContents = inTableOfContentsField();
    if (!tableOfContents) text.text += piece;
    size_t pos = 0;
    while (pos < piece.size()) {
      const char32_t cp = utf8::decode(piece, pos);
      if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\u3000') continue;
      if (tableOfContents) {
        ++text.tableOfContentsChars;
        continue;
      }
      ++text.visibleChars;
      if (bold) ++text.boldChars;
    }
  }

  void run(pugi::xml_node r, ParagraphText& text, int depth) {
    const pugi::xml_node rPr = w_.child(r, "rPr");
    const bool hidden = w_.toggle(rPr, "vanish").value_or(false) || w_.child(rPr, "specVanish");
    std::optional<bool> bold = w_.toggle(rPr, "b");
    if (!bold) {
      if (const auto runStyle = w_.childVal(rPr, "rStyle")) bold = styles_.bold(*runStyle);
    }
    const bool isBold = bold.value_or(paragraphBold_);
    for (pugi::xml_node node = r.first_child(); node; node = node.next_sibling()) {
      if (node.type() != pugi::node_element) continue;
      if (w_.is(node, "fldChar")) {
        field(node);
        continue;
      }
      if (w_.is(node, "instrText")) {
        if (!fields_.empty() && !fields_.back().showingResult)
          fields_.back().instruction += node.child_value();
        continue;
      }
      if (!fieldTextVisible()) continue;
      if (w_.is(node, "t")) {
        if (hidden) {
          hiddenText_ += node.child_value();
        } else {
          append(text, node.child_value(), isBold);
        }
      } else if (w_.is(node, "tab") || w_.is(node, "ptab")) {
        append(text, "\t", isBold);
      } else if (w_.is(node, "br")) {
        const std::string_view type = w_.attribute(node, "type").value();
        if (type != "page" && type != "column") append(text, "\n", isBold);
      } else if (w_.is(node, "cr")) {
        append(text, "\n", isBold);
      } else if (w_.is(node, "noBreakHyphen")) {
        append(text, "-", isBold);
      } else if (w_.is(node, "sym")) {
        const auto code = std::strtol(w_.attribute(node, "char").value(), nullptr, 16);
        // Symbol-font glyphs (F000–F0FF) are pictures of bullets, not text.
        if (code > 0 && (code < 0xF000 || code > 0xF0FF) && !hidden) {
          std::string symbol;
          utf8::append(symbol, static_cast<char32_t>(code));
          append(text, symbol, isBold);
        }
      } else if (w_.is(node, "footnoteReference") || w_.is(node, "endnoteReference")) {
        report_.drop(paragraphNumber_, text.text, "脚注或尾注未导入；如有条款内容，请移到正文中");
      } else if (w_.is(node, "ruby")) {
        inlines(w_.child(node, "rubyBase"), text, depth + 1);
      } else if (w_.is(node, "drawing") || w_.is(node, "pict") || w_.is(node, "object")) {
        dropDrawn(node, "文本框或图形");
      } else if (!w_.isWord(node)) {
        dropDrawn(node, "文本框或图形");
      }
    }
  }

  void flushHidden() {
    if (hiddenText_.empty()) return;
    const std::string text = cleanSourceText(hiddenText_);
    hiddenText_.clear();
    if (!text.empty()) report_.drop(paragraphNumber_, text, "隐藏文字（Word 中设为不显示）未导入");
  }

  void field(pugi::xml_node fldChar) {
    const std::string_view type = w_.attribute(fldChar, "fldCharType").value();
    if (type == "begin") {
      fields_.push_back(Field{});
    } else if (type == "separate" && !fields_.empty()) {
      fields_.back().showingResult = true;
      fields_.back().tableOfContents = isTableOfContentsInstruction(fields_.back().instruction);
    } else if (type == "end" && !fields_.empty()) {
      fields_.pop_back();
    }
  }

  void startTableOfContents(int first) {
    tocFirst_ = first;
    tocLast_ = first;
  }

  void startTableOfContents(std::vector<SourceParagraph>& out) {
    startTableOfContents(paragraphNumber_ + 1);
    dropTableOfContentsTitle(out);
  }

  // The "目录" line just above a table of contents goes with it.
  void dropTableOfContentsTitle(std::vector<SourceParagraph>& out) {
    tocJustStarted_ = false;
    if (out.empty()) return;
    const std::string title = withoutSpaces(out.back().text);
    if (title != "目录" && title != "目次" && title != "目 录") return;
    tocTitle_ = out.back().where;
    out.pop_back();
  }

  void flushTableOfContents() {
    if (!tocFirst_) return;
    const int first = tocTitle_ ? tocTitle_ : tocFirst_;
    report_.drop(first, "",
                 "目录（段落 " + std::to_string(first) + "–" + std::to_string(tocLast_) +
                     "）未导入：目录会重复每个标题，导入后的手册自带目录");
    tocFirst_ = tocLast_ = tocTitle_ = 0;
  }

  const WordNames& w_;
  const DocxStyles& styles_;
  DocxNumbering& numbering_;
  ImportReport& report_;
  int paragraphNumber_ = 0;
  bool paragraphBold_ = false;
  std::vector<Field> fields_;  // complex fields span runs and even paragraphs
  std::string carried_;        // text of a paragraph whose mark was deleted
  int carriedWhere_ = 0;
  std::string hiddenText_;
  bool tocJustStarted_ = false;
  int tocFirst_ = 0;  // paragraphs of the table of contents being skipped
  int tocLast_ = 0;
  int tocTitle_ = 0;  // its "目录" title, when it had one
};

}  // namespace

std::vector<SourceParagraph> readDocx(DocxPackage& package, ImportReport& report) {
  const auto documentXml = package.read(package.mainPart());
  if (!documentXml) throw ImportError("文件已损坏：找不到文档正文 " + package.mainPart());
  pugi::xml_document document;
  parseXmlPart(*documentXml, package.mainPart(), document);
  const pugi::xml_node root = document.document_element();
  const WordNames w = WordNames::of(root, package.mainPart());
  const pugi::xml_node body = w.child(root, "body");
  if (!body) throw ImportError("文件已损坏：" + package.mainPart() + " 中没有正文（w:body）");

  pugi::xml_document stylesDocument;
  DocxStyles styles;
  if (const auto part = package.relatedPart("styles")) {
    if (const auto xml = package.read(*part)) {
      parseXmlPart(*xml, *part, stylesDocument);
      const pugi::xml_node stylesRoot = stylesDocument.document_element();
      styles = DocxStyles(stylesRoot, WordNames::of(stylesRoot, *part));
    }
  }
  pugi::xml_document numberingDocument;
  DocxNumbering numbering;
  if (const auto part = package.relatedPart("numbering")) {
    if (const auto xml = package.read(*part)) {
      parseXmlPart(*xml, *part, numberingDocument);
      const pugi::xml_node numberingRoot = numberingDocument.document_element();
      numbering = DocxNumbering(numberingRoot, WordNames::of(numberingRoot, *part), styles);
    }
  }
  Reader reader(w, styles, numbering, report);
  std::vector<SourceParagraph> paragraphs = reader.read(body);
  for (const std::string& format : numbering.unknownFormats()) {
    report.repair(0, "",
                  "自动编号格式「" + format + "」无法识别，按阿拉伯数字读取；请核对这些编号");
  }
  return paragraphs;
}

}  // namespace dutydesk
