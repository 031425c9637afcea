#include "core/manual_parser.h"

#include <cmark.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "core/heading.h"
#include "core/position_name.h"
#include "core/utf8.h"

namespace dutydesk {

namespace {

constexpr std::array<std::string_view, 12> kPositionSubsectionTitles = {
    "岗位概述", "岗位职责", "主要职责", "工作职责", "岗位权限", "任职要求",
    "任职资格", "考核标准", "工作标准", "应急职责", "处置职责", "处置流程"};

constexpr std::string_view kKeySuperior = "直接上级";
constexpr std::string_view kKeySubordinate = "直接下级";
constexpr std::string_view kKeyDepartment = "所属部门";
constexpr std::string_view kDutiesSuffix = "岗位职责";

// Owns a cmark node tree and frees it on scope exit.
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

struct HtmlDeleter {
  void operator()(char* text) const { free(text); }  // cmark allocates with malloc
};

std::string renderHtml(cmark_node* node) {
  // CMARK_OPT_DEFAULT is safe in cmark ≥ 0.29: raw HTML and javascript: links are dropped.
  std::unique_ptr<char, HtmlDeleter> html(cmark_render_html(node, CMARK_OPT_DEFAULT));
  return html ? std::string(html.get()) : std::string();
}

bool endsWithAsciiWordChar(const std::string& text) {
  if (text.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(text.back());
  return c < 0x80 && c != '\n' && c != ' ';
}

// Plain text of a node for indexing: literal text, no markup, no raw HTML. A soft line
// break joins Chinese text directly and Latin words with a space.
void appendPlainText(cmark_node* node, std::string& out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      out += cmark_node_get_literal(node);
      return;
    case CMARK_NODE_CODE_BLOCK:
      out += cmark_node_get_literal(node);
      out += '\n';
      return;
    case CMARK_NODE_SOFTBREAK:
      if (endsWithAsciiWordChar(out)) out += ' ';
      return;
    case CMARK_NODE_LINEBREAK:
      out += '\n';
      return;
    case CMARK_NODE_THEMATIC_BREAK:
      return;
    default:
      break;
  }
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    appendPlainText(child, out);
  }
  if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH ||
      cmark_node_get_type(node) == CMARK_NODE_HEADING) {
    out += '\n';
  }
}

std::string plainText(cmark_node* node) {
  std::string out;
  appendPlainText(node, out);
  std::string collapsed;
  for (char c : out) {
    if (c == '\n' && (collapsed.empty() || collapsed.back() == '\n')) continue;
    collapsed += c;
  }
  return utf8::trim(collapsed);
}

// Raw HTML in a manual is shown as the text it is, never passed to a browser: inline HTML
// becomes a text node, an HTML block a paragraph of text. Returns each such paragraph with the
// line of its block: a new node has no source position.
std::vector<std::pair<cmark_node*, int>> literalizeHtml(cmark_node* document) {
  std::vector<cmark_node*> found;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK)) {
      found.push_back(node);
    }
  }
  cmark_iter_free(iter);
  std::vector<std::pair<cmark_node*, int>> blocks;
  for (cmark_node* node : found) {
    std::string literal = cmark_node_get_literal(node);
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node* replacement = text;
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      while (!literal.empty() && literal.back() == '\n') literal.pop_back();
      replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(replacement, text);
      blocks.emplace_back(replacement, cmark_node_get_start_line(node));
    }
    cmark_node_set_literal(text, literal.c_str());
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
  }
  return blocks;
}

// Splits `text` at the first ASCII or full-width colon: "直接上级:物业经理".
bool splitKeyValue(std::string_view text, std::string& key, std::string& value) {
  size_t at = text.find(':');
  size_t width = 1;
  const size_t wide = text.find("：");
  if (wide != std::string_view::npos && (at == std::string_view::npos || wide < at)) {
    at = wide;
    width = 3;
  }
  if (at == std::string_view::npos) return false;
  key = utf8::trim(text.substr(0, at));
  value = utf8::trim(text.substr(at + width));
  return !key.empty();
}

bool isKnownKey(std::string_view key) {
  return key == kKeySuperior || key == kKeySubordinate || key == kKeyDepartment;
}

// A Chinese-style list number at the start of a line: "1、", "1." or "1．" directly followed
// by text (not by another digit, so that "3.5米" stays a sentence). `line` is the line's leading
// plain text; `markupFollows` says more inline nodes follow it on the line, so the text may go
// on in markup ("1、**严禁**…"). Returns the number and the byte length of the marker including
// any spaces after it.
struct ChineseListMarker {
  int number = 0;
  size_t length = 0;
};

std::optional<ChineseListMarker> chineseListMarker(std::string_view line, bool markupFollows) {
  size_t pos = 0;
  int number = 0;
  int digits = 0;
  while (pos < line.size()) {
    size_t next = pos;
    const char32_t cp = utf8::decode(line, next);
    int digit = -1;
    if (cp >= U'0' && cp <= U'9') digit = static_cast<int>(cp - U'0');
    if (cp >= U'０' && cp <= U'９') digit = static_cast<int>(cp - U'０');
    if (digit < 0) break;
    if (++digits > 4) return std::nullopt;
    number = number * 10 + digit;
    pos = next;
  }
  if (digits == 0 || pos >= line.size()) return std::nullopt;
  size_t next = pos;
  const char32_t separator = utf8::decode(line, next);
  if (separator != U'、' && separator != U'.' && separator != U'．') return std::nullopt;
  while (next < line.size() && line[next] == ' ') ++next;
  if (next >= line.size()) {
    if (!markupFollows) return std::nullopt;
    return ChineseListMarker{number, next};
  }
  size_t after = next;
  const char32_t first = utf8::decode(line, after);
  if ((first >= U'0' && first <= U'9') || (first >= U'０' && first <= U'９')) return std::nullopt;
  return ChineseListMarker{number, next};
}

// Text of a line's first inline node, if it is plain text.
std::string_view leadingText(cmark_node* node) {
  if (node && cmark_node_get_type(node) == CMARK_NODE_TEXT) return cmark_node_get_literal(node);
  return {};
}

}  // namespace

bool isPositionSubsectionTitle(std::string_view title) {
  for (std::string_view known : kPositionSubsectionTitles) {
    if (title == known) return true;
  }
  return false;
}

class ManualParser::Impl {
 public:
  Impl(std::string manualId, std::string displayPrefix, Diagnostics& diagnostics)
      : prefix_(std::move(displayPrefix)), diagnostics_(diagnostics) {
    manual_.id = std::move(manualId);
  }

  void parseIndex(std::string_view fileName, std::string_view text) {
    startFile(fileName, text);
    NodePtr document = parseMarkdown(text);
    bool titled = false;
    for (cmark_node* node = cmark_node_first_child(document.get()); node;
         node = cmark_node_next(node)) {
      const int line = startLine(node);
      if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        const bool atx = checkAtx(node);
        if (!titled && cmark_node_get_heading_level(node) == 1) {
          manual_.title = plainText(node);
          manual_.preface.line = line;
          titled = true;
          resetBlock();
        } else if (atx) {
          error(line, "index.md 只写手册标题和前言；章节请写在单独的章文件中（如 01-总则.md）");
        }
        continue;
      }
      if (!titled) {
        error(line, "index.md 应以手册标题开头，写作「# 手册名称」");
        titled = true;  // report once; the rest is read as preface
        resetBlock();
      }
      addBlock(node);
    }
    if (!titled) error(1, "index.md 是空的；第一行应写「# 手册名称」");
  }

  void parseChapter(std::string_view fileName, std::string_view text) {
    startFile(fileName, text);
    NodePtr document = parseMarkdown(text);
    bool warnedBeforeChapter = false;
    for (cmark_node* node = cmark_node_first_child(document.get()); node;
         node = cmark_node_next(node)) {
      if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        addHeading(node);
        continue;
      }
      if (!chapterIndex_) {
        if (cmark_node_get_type(node) != CMARK_NODE_THEMATIC_BREAK && !warnedBeforeChapter) {
          warning(startLine(node), "章标题之前的文字不属于任何章节，不会被收录；请移到章标题之后");
          warnedBeforeChapter = true;
        }
        continue;
      }
      addBlock(node);
    }
    closeSection();
    if (!chapterIndex_) {
      error(1,
            "缺少章标题：每个章文件的第一个标题应写作「# 第N章 标题」，如「# 第三章 "
            "客户服务部岗位职责」");
    } else {
      const Chapter& chapter = manual_.chapters[*chapterIndex_];
      if (chapter.sections.empty() && !blockHasClauses_) {
        warning(chapter.heading.line, "这一章没有任何内容");
      }
    }
  }

  void reportError(std::string_view fileName, int line, std::string message) {
    diagnostics_.error(prefix_ + std::string(fileName), line, std::move(message));
  }

  Manual finish() {
    resolvePositions();
    checkAddresses();
    manual_.finish();
    return std::move(manual_);
  }

 private:
  struct PendingLine {
    size_t position;
    std::string key;
    std::string name;
    std::string file;
    int line;
  };
  struct MetaEntry {
    std::string key;
    std::string value;
    int line;
  };

  void startFile(std::string_view fileName, std::string_view text) {
    file_ = std::string(fileName);
    lines_.clear();
    size_t start = 0;
    while (start <= text.size()) {
      const size_t end = text.find('\n', start);
      lines_.push_back(
          text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    chapterIndex_.reset();
    sectionIndex_.reset();
    subsectionIndex_.reset();
    chapterNumberKnown_ = true;
    resetBlock();
  }

  NodePtr parseMarkdown(std::string_view text) {
    NodePtr document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
    htmlBlockLines_.clear();
    for (const auto& [paragraph, line] : literalizeHtml(document.get())) {
      warning(line, "HTML 代码不会被解释，将按原文显示；请改用 Markdown 书写");
      htmlBlockLines_.emplace(paragraph, line);
    }
    return document;
  }

  // A block's first line, also for the paragraphs that stand in for HTML blocks.
  int startLine(cmark_node* node) const {
    const auto it = htmlBlockLines_.find(node);
    return it == htmlBlockLines_.end() ? cmark_node_get_start_line(node) : it->second;
  }

  std::string_view sourceLine(int line) const {
    if (line < 1 || static_cast<size_t>(line) > lines_.size()) return {};
    return lines_[static_cast<size_t>(line) - 1];
  }

  void error(int line, std::string message) {
    diagnostics_.error(prefix_ + file_, line, std::move(message));
  }
  void warning(int line, std::string message) {
    diagnostics_.warning(prefix_ + file_, line, std::move(message));
  }

  // The first `length` bytes of the text on `line` after its indentation.
  std::string_view sourceMarker(int line, size_t length) const {
    std::string_view text = sourceLine(line);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return text.substr(0, length);
  }

  // Setext headings (a line of === or --- under text) are easy to make by accident.
  bool checkAtx(cmark_node* heading) {
    const int line = cmark_node_get_start_line(heading);
    const std::string trimmed = utf8::trim(sourceLine(line));
    if (!trimmed.empty() && trimmed.front() == '#') return true;
    error(line, "只支持以 # 开头的标题；请把下划线式标题（=== 或 ---）改为「## 编号 标题」");
    return false;
  }

  void addHeading(cmark_node* node) {
    if (!checkAtx(node)) return;
    const int line = cmark_node_get_start_line(node);
    const int level = cmark_node_get_heading_level(node);
    const std::string text = plainText(node);
    if (level == 1) {
      closeSection();
      if (chapterIndex_) {
        error(line, "一个文件只能有一个章标题（# 开头）；请把第二章移到单独的文件中");
        return;
      }
      addChapter(text, line);
      return;
    }
    if (level > 3) {
      error(line, "标题最多三级（###）；更细的内容请写成有序列表条款");
      return;
    }
    if (!chapterIndex_) {
      error(line, "标题出现在章标题之前；文件应以「# 第N章 标题」开头");
      return;
    }
    Chapter& chapter = manual_.chapters[*chapterIndex_];
    if (level == 3 && !sectionIndex_) {
      error(line, "小节（###）必须位于节（##）之下；请先写「## " + chapter.heading.number +
                      ".1 节标题」");
      return;
    }
    const std::string& parentNumber =
        level == 2 ? chapter.heading.number : chapter.sections[*sectionIndex_].heading.number;
    const std::string example = parentNumber + ".1";
    auto parsed = parseNumberedHeading(text);
    if (!parsed) {
      error(line, "标题缺少编号；应写作「" + std::string(level, '#') + " " + example + " 标题」");
      return;
    }
    // An unreadable chapter number is reported already; a section's number is always known.
    if ((level == 3 || chapterNumberKnown_) && !isChildNumber(parsed->number, parentNumber)) {
      error(line, "编号 " + parsed->number + " 与上级编号 " + parentNumber + " 不符；应写作「" +
                      std::string(level, '#') + " " + parentNumber + ".N 标题」，如 " + example);
    }
    if (parsed->title.empty()) {
      error(line, "标题 " + parsed->number + " 没有名称；请在编号后写上名称");
    }
    if (!headingNumbers_.insert(parsed->number).second) {
      error(line, "编号 " + parsed->number + " 在本手册中重复；每个章节编号只能用一次");
    }
    Heading heading{parsed->number, parsed->label, parsed->title, line};
    if (level == 2) {
      closeSection();
      chapter.sections.push_back(Section{std::move(heading), {}, std::nullopt});
      sectionIndex_ = chapter.sections.size() - 1;
      subsectionIndex_.reset();
      resetBlock();
      metaAllowed_ = true;
    } else {
      closeSubsection();
      chapter.sections[*sectionIndex_].subsections.push_back(Subsection{std::move(heading)});
      subsectionIndex_ = chapter.sections[*sectionIndex_].subsections.size() - 1;
      resetBlock();
    }
  }

  void addChapter(const std::string& text, int line) {
    Chapter chapter;
    chapter.file = file_;
    auto parsed = parseChapterHeading(text);
    chapterNumberKnown_ = parsed.has_value();
    if (parsed) {
      chapter.heading = Heading{parsed->number, parsed->label, parsed->title, line};
      const auto [it, inserted] = chapterFiles_.emplace(parsed->number, file_);
      if (!inserted) {
        error(line,
              parsed->label + " 已在 " + prefix_ + it->second + " 中使用；请改用未使用的章号");
      }
    } else {
      error(line, "章标题应写作「# 第N章 标题」，如「# 第三章 客户服务部岗位职责」或「# 第3章 …」");
      chapter.heading = Heading{"?", "?", text, line};
    }
    manual_.chapters.push_back(std::move(chapter));
    chapterIndex_ = manual_.chapters.size() - 1;
    sectionIndex_.reset();
    subsectionIndex_.reset();
    resetBlock();
  }

  // Clause numbering restarts under each heading.
  void resetBlock() {
    paragraphCount_ = 0;
    lastItemNumber_ = 0;
    blockHasClauses_ = false;
    metaAllowed_ = false;
  }

  void closeSubsection() {
    if (!subsectionIndex_ || blockHasClauses_) return;
    const Subsection& subsection =
        manual_.chapters[*chapterIndex_].sections[*sectionIndex_].subsections[*subsectionIndex_];
    warning(subsection.heading.line,
            "小节 " + subsection.heading.number + " 是空的；请补充条款或删除这个小节");
  }

  // Decides whether the section just finished is a position, once its subsections are known.
  void closeSection() {
    if (!chapterIndex_ || !sectionIndex_) return;
    if (subsectionIndex_) {
      closeSubsection();
    }
    Chapter& chapter = manual_.chapters[*chapterIndex_];
    Section& section = chapter.sections[*sectionIndex_];
    const bool hasOwnClauses = sectionHasClauses_;
    bool isPosition = false;
    for (const Subsection& subsection : section.subsections) {
      if (isPositionSubsectionTitle(subsection.heading.title)) isPosition = true;
    }
    if (isPosition) {
      addPosition(chapter, section);
    } else {
      if (!pendingMeta_.empty()) {
        warning(pendingMeta_.front().line,
                "「" + pendingMeta_.front().key + "」只对岗位有效，而 " + section.heading.number +
                    " 没有岗位小节（岗位概述、主要职责等），因此不是岗位");
      }
      if (section.subsections.empty() && !hasOwnClauses) {
        warning(section.heading.line,
                "节 " + section.heading.number + " 是空的；请补充条款或删除这一节");
      }
    }
    pendingMeta_.clear();
    sectionHasClauses_ = false;
    sectionIndex_.reset();
    subsectionIndex_.reset();
  }

  void addPosition(const Chapter& chapter, Section& section) {
    PositionName name = parsePositionName(section.heading.title);
    size_t index = 0;
    if (const Position* existing = findPositionByName(name.names.front())) {
      index = static_cast<size_t>(existing - manual_.positions.data());
    } else {
      Position position;
      position.names = name.names;
      position.note = name.note;
      position.file = file_;
      position.line = section.heading.line;
      manual_.positions.push_back(std::move(position));
      index = manual_.positions.size() - 1;
    }
    Position& position = manual_.positions[index];
    for (const std::string& alias : name.names) {
      if (std::find(position.names.begin(), position.names.end(), alias) == position.names.end()) {
        position.names.push_back(alias);
      }
    }
    const std::string& chapterTitle = chapter.heading.title;
    if (!position.department && chapterTitle.size() > kDutiesSuffix.size() &&
        chapterTitle.ends_with(kDutiesSuffix)) {
      position.department = chapterTitle.substr(0, chapterTitle.size() - kDutiesSuffix.size());
    }
    for (const MetaEntry& entry : pendingMeta_) {
      if (entry.key == kKeyDepartment) {
        position.department = entry.value;
        continue;
      }
      for (std::string& value : splitNameList(entry.value)) {
        pendingLines_.push_back({index, entry.key, std::move(value), prefix_ + file_, entry.line});
      }
    }
    position.places.push_back({*chapterIndex_, *sectionIndex_});
    section.position = index;
  }

  const Position* findPositionByName(std::string_view name) const {
    for (const Position& position : manual_.positions) {
      if (std::find(position.names.begin(), position.names.end(), name) != position.names.end()) {
        return &position;
      }
    }
    return nullptr;
  }

  // The reporting-line list directly under a section heading: every item "键:值" and at least
  // one key is known. Anything else is ordinary content.
  bool takeMetadata(cmark_node* list) {
    if (cmark_node_get_list_type(list) != CMARK_BULLET_LIST) return false;
    std::vector<MetaEntry> entries;
    bool anyKnown = false;
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
      MetaEntry entry;
      entry.line = cmark_node_get_start_line(item);
      if (!splitKeyValue(plainText(item), entry.key, entry.value)) return false;
      anyKnown = anyKnown || isKnownKey(entry.key);
      entries.push_back(std::move(entry));
    }
    if (!anyKnown) return false;
    for (MetaEntry& entry : entries) {
      if (!isKnownKey(entry.key)) {
        warning(entry.line,
                "未知的岗位信息「" + entry.key +
                    "」；可用的是 直接上级、直接下级、所属部门，其他内容请写入岗位概述");
        continue;
      }
      if (entry.value.empty()) {
        warning(entry.line,
                "「" + entry.key + "」后面没有内容；请写上岗位或部门名称，或删去这一行");
        continue;
      }
      pendingMeta_.push_back(std::move(entry));
    }
    return true;
  }

  void addBlock(cmark_node* node) {
    const bool metaAllowed = metaAllowed_;
    metaAllowed_ = false;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_LIST:
        if (metaAllowed && !subsectionIndex_ && takeMetadata(node)) return;
        if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
          addOrderedList(node);
        } else {
          for (cmark_node* item = cmark_node_first_child(node); item;
               item = cmark_node_next(item)) {
            addParagraphClause(item, renderChildren(item));
          }
        }
        return;
      case CMARK_NODE_PARAGRAPH:
        addParagraph(node);
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        return;
      default:
        addParagraphClause(node, renderHtml(node));
        return;
    }
  }

  static std::string renderChildren(cmark_node* node) {
    std::string html;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
      html += renderHtml(child);
    }
    return html;
  }

  // The number written before an ordered item, read from its source line: cmark keeps only
  // the list's start.
  std::optional<int> writtenNumber(cmark_node* item) const {
    const std::string_view line = sourceLine(cmark_node_get_start_line(item));
    size_t pos = static_cast<size_t>(std::max(cmark_node_get_start_column(item) - 1, 0));
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '>')) ++pos;
    int number = 0;
    int digits = 0;
    while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9' && digits < 9) {
      number = number * 10 + (line[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits == 0) return std::nullopt;
    return number;
  }

  // Written numbers should run on from the previous item under the same heading.
  void checkItemNumber(int written, int expected, int line) {
    if (written != expected) {
      const std::string what = written < expected ? "重复或倒退" : "跳号";
      warning(line, "列表编号" + what + "：此处写的是 " + std::to_string(written) +
                        "，按顺序应为 " + std::to_string(expected) + "；请核对编号");
    }
  }

  // An item's address uses the number the list shows: its start plus its place, as CommonMark
  // renders it, so the address depends only on the heading and the item's place.
  void addOrderedList(cmark_node* list) {
    const int start = cmark_node_get_list_start(list);
    int shown = start;
    for (cmark_node* item = cmark_node_first_child(list); item;
         item = cmark_node_next(item), ++shown) {
      const int line = cmark_node_get_start_line(item);
      const int expected = shown == start ? lastItemNumber_ + 1 : shown;
      checkItemNumber(writtenNumber(item).value_or(shown), expected, line);
      lastItemNumber_ = shown;
      addClause(ClauseAddress::Kind::kItem, shown, plainText(item), renderChildren(item), line);
    }
  }

  void addParagraphClause(cmark_node* node, std::string html) {
    addClause(ClauseAddress::Kind::kParagraph, ++paragraphCount_, plainText(node), std::move(html),
              startLine(node));
  }

  // A paragraph whose lines start with "1、" or "1." (no space) is a list CommonMark did not
  // see: each numbered line becomes item N, and its following lines belong to it.
  void addParagraph(cmark_node* paragraph) {
    struct Line {
      std::vector<cmark_node*> nodes;
      std::optional<ChineseListMarker> marker;
      int line;
    };
    std::vector<Line> lines{{{}, std::nullopt, startLine(paragraph)}};
    for (cmark_node* node = cmark_node_first_child(paragraph); node; node = cmark_node_next(node)) {
      const cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        lines.push_back({{}, std::nullopt, lines.back().line + 1});
        continue;
      }
      lines.back().nodes.push_back(node);
    }
    bool anyMarker = false;
    for (Line& line : lines) {
      if (!line.nodes.empty()) {
        line.marker = chineseListMarker(leadingText(line.nodes.front()), line.nodes.size() > 1);
      }
      anyMarker = anyMarker || line.marker.has_value();
    }
    if (!anyMarker) {
      addParagraphClause(paragraph, renderHtml(paragraph));
      return;
    }
    // Group lines into clauses: lines before the first number form a paragraph clause.
    size_t start = 0;
    while (start < lines.size()) {
      size_t end = start + 1;
      while (end < lines.size() && !lines[end].marker) ++end;
      NodePtr clause(cmark_node_new(CMARK_NODE_PARAGRAPH));
      for (size_t i = start; i < end; ++i) {
        if (i > start) cmark_node_append_child(clause.get(), cmark_node_new(CMARK_NODE_SOFTBREAK));
        for (cmark_node* node : lines[i].nodes) {
          cmark_node_unlink(node);
          cmark_node_append_child(clause.get(), node);
        }
      }
      const Line& first = lines[start];
      if (first.marker) {
        cmark_node* text = cmark_node_first_child(clause.get());
        const std::string rest(
            std::string_view(cmark_node_get_literal(text)).substr(first.marker->length));
        if (rest.empty()) {
          cmark_node_free(text);  // the marker was all of it: "1、" before "**严禁**"
        } else {
          cmark_node_set_literal(text, rest.c_str());
        }
        const std::string written(utf8::trim(sourceMarker(first.line, first.marker->length)));
        warning(first.line, "「" + written + "」这种编号不是 Markdown 列表；已按第 " +
                                std::to_string(first.marker->number) + " 条处理，请改写为「" +
                                std::to_string(first.marker->number) + ". 」（英文句点加空格）");
        checkItemNumber(first.marker->number, lastItemNumber_ + 1, first.line);
        lastItemNumber_ = first.marker->number;
        addClause(ClauseAddress::Kind::kItem, first.marker->number, plainText(clause.get()),
                  renderHtml(clause.get()), first.line);
      } else {
        addClause(ClauseAddress::Kind::kParagraph, ++paragraphCount_, plainText(clause.get()),
                  renderHtml(clause.get()), first.line);
      }
      start = end;
    }
  }

  void addClause(ClauseAddress::Kind kind, int ordinal, std::string text, std::string html,
                 int line) {
    Clause clause;
    if (chapterIndex_) {
      clause.chapter = chapterIndex_;
      clause.section = sectionIndex_;
      clause.subsection = subsectionIndex_;
    }
    const Heading& heading = manual_.headingOf(clause);
    clause.address = ClauseAddress{heading.number, ordinal, kind};
    clause.cite = clause.address.cite(heading.label);
    clause.text = std::move(text);
    clause.html = std::move(html);
    clause.line = line;
    clauseFiles_.push_back(prefix_ + file_);
    manual_.clauses.push_back(std::move(clause));
    blockHasClauses_ = true;
    if (sectionIndex_) sectionHasClauses_ = true;
  }

  void resolvePositions() {
    for (const PendingLine& pending : pendingLines_) {
      Position& position = manual_.positions[pending.position];
      const Position* target = findPositionByName(pending.name);
      if (!target) {
        diagnostics_.warning(pending.file, pending.line,
                             pending.key + "「" + pending.name +
                                 "」不是本手册中的岗位；请写本手册中某个岗位的名称或别名，或删去");
        continue;
      }
      auto& list = pending.key == kKeySuperior ? position.superiors : position.subordinates;
      if (std::find(list.begin(), list.end(), target->canonical()) == list.end()) {
        list.push_back(target->canonical());
      }
    }
    std::vector<size_t> clauseCount(manual_.positions.size(), 0);
    for (const Clause& clause : manual_.clauses) {
      if (const Position* position = manual_.positionOf(clause)) {
        ++clauseCount[static_cast<size_t>(position - manual_.positions.data())];
      }
    }
    for (size_t i = 0; i < manual_.positions.size(); ++i) {
      if (clauseCount[i] > 0) continue;
      const Position& position = manual_.positions[i];
      diagnostics_.error(
          prefix_ + position.file, position.line,
          "岗位「" + position.canonical() + "」没有任何条款；请在其小节下写出职责条款");
    }
  }

  void checkAddresses() {
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < manual_.clauses.size(); ++i) {
      const Clause& clause = manual_.clauses[i];
      const auto [it, inserted] = seen.emplace(clause.address.str(), i);
      if (inserted) continue;
      const Clause& first = manual_.clauses[it->second];
      diagnostics_.error(clauseFiles_[i], clause.line,
                         "条款地址 " + clause.address.str() + " 重复（" + clauseFiles_[it->second] +
                             ":" + std::to_string(first.line) +
                             " 已使用）；请检查编号是否写重或列表被分成了两段");
    }
  }

  Manual manual_;
  std::string prefix_;
  Diagnostics& diagnostics_;

  std::string file_;
  std::vector<std::string_view> lines_;
  std::optional<size_t> chapterIndex_;
  std::optional<size_t> sectionIndex_;
  std::optional<size_t> subsectionIndex_;
  bool chapterNumberKnown_ = true;
  int paragraphCount_ = 0;
  int lastItemNumber_ = 0;
  bool blockHasClauses_ = false;
  bool sectionHasClauses_ = false;
  bool metaAllowed_ = false;
  std::vector<MetaEntry> pendingMeta_;
  std::vector<PendingLine> pendingLines_;
  std::vector<std::string> clauseFiles_;       // parallel to manual_.clauses, for messages
  std::map<cmark_node*, int> htmlBlockLines_;  // of the document being read
  std::set<std::string> headingNumbers_;
  std::map<std::string, std::string> chapterFiles_;  // chapter number → file
};

ManualParser::ManualParser(std::string manualId, std::string displayPrefix,
                           Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(std::move(manualId), std::move(displayPrefix), diagnostics)) {}

ManualParser::~ManualParser() = default;

void ManualParser::parseIndex(std::string_view fileName, std::string_view text) {
  impl_->parseIndex(fileName, text);
}

void ManualParser::parseChapter(std::string_view fileName, std::string_view text) {
  impl_->parseChapter(fileName, text);
}

void ManualParser::reportError(std::string_view fileName, int line, std::string message) {
  impl_->reportError(fileName, line, std::move(message));
}

Manual ManualParser::finish() {
  return impl_->finish();
}

}  // namespace dutydesk
