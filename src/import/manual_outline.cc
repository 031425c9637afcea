#include "import/manual_outline.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "core/manual_parser.h"
#include "core/utf8.h"
#include "import/list_number_format.h"
#include "import/source_text.h"
#include "import/typed_number.h"

namespace dutydesk {

namespace {

constexpr std::array<std::string_view, 3> kMetaKeys = {"直接上级", "直接下级", "所属部门"};
constexpr size_t kMaxTitleChars = 30;
constexpr size_t kMaxChapterTitleChars = 40;
constexpr int kMaxPlainNumber = 99;
constexpr std::string_view kUntitled = "（无标题）";
constexpr std::array<std::string_view, 4> kLevelNames = {"", "章", "节", "小节"};

size_t charCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

char32_t lastChar(std::string_view text) {
  if (text.empty()) return 0;
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return utf8::decode(text, start);
}

// Short, one sentence at most, not ending like a sentence: "客服主管", "岗位职责：".
bool titleLike(std::string_view text, size_t maxChars) {
  if (charCount(text) > maxChars || text.find('\n') != std::string_view::npos) return false;
  if (text.find("。") != std::string_view::npos) return false;
  return std::u32string_view(U"；;，,！!？?").find(lastChar(text)) == std::u32string_view::npos;
}

std::string withoutTrailingColon(std::string_view text) {
  std::string out = utf8::trim(text);
  for (std::string_view colon : {std::string_view("："), std::string_view(":")}) {
    if (out.ends_with(colon))
      out = utf8::trim(std::string_view(out).substr(0, out.size() - colon.size()));
  }
  return out;
}

// "第一章 总则……………1": a line of a typed table of contents, ending in a leader and a page.
bool isTypedContentsLine(std::string_view text) {
  std::string_view rest = text;
  size_t digits = 0;
  while (!rest.empty() && rest.back() >= '0' && rest.back() <= '9') {
    rest.remove_suffix(1);
    ++digits;
  }
  if (digits == 0 || digits > 4) return false;
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  int leaders = 0;
  while (!rest.empty()) {
    const char32_t cp = lastChar(rest);
    if (std::u32string_view(U".…·．-_—").find(cp) == std::u32string_view::npos) break;
    std::string tail;
    utf8::append(tail, cp);
    rest.remove_suffix(tail.size());
    ++leaders;
  }
  return leaders >= 2;
}

std::optional<std::string> metaLine(std::string_view text) {
  for (std::string_view key : kMetaKeys) {
    if (!text.starts_with(key)) continue;
    std::string_view rest = text.substr(key.size());
    while (rest.starts_with(" ")) rest.remove_prefix(1);
    if (!rest.starts_with(":") && !rest.starts_with("：")) return std::nullopt;
    rest.remove_prefix(rest.starts_with(":") ? 1 : std::string_view("：").size());
    const std::string value = utf8::trim(rest);
    if (value.empty()) return std::nullopt;
    return std::string(key) + ":" + value;
  }
  return std::nullopt;
}

std::string dottedText(const std::vector<int>& values) {
  std::string out;
  for (int value : values) {
    if (!out.empty()) out += '.';
    out += std::to_string(value);
  }
  return out;
}

std::string chineseChapterLabel(int number) {
  return "第" + chineseCounting(number) + "章";
}

// The label to write for a chapter: as the manual wrote it where the format reads it back
// (Chinese or ASCII numerals), else in Chinese.
std::string chapterLabel(const std::string& written, int number) {
  std::string_view numeral(written);
  if (!numeral.starts_with("第") || !numeral.ends_with("章")) return chineseChapterLabel(number);
  numeral =
      numeral.substr(std::string_view("第").size(), numeral.size() - std::string_view("第").size() -
                                                        std::string_view("章").size());
  const bool ascii = !numeral.empty() && std::all_of(numeral.begin(), numeral.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
  const bool fullWidthOrMixed = !ascii && std::any_of(numeral.begin(), numeral.end(), [](char c) {
    return static_cast<unsigned char>(c) == 0xEF;
  });
  if (fullWidthOrMixed) return "第" + std::to_string(number) + "章";
  return written;
}

enum class Role {
  kTitle,
  kHeading,             // level known: 1 chapter, 2 section, 3 subsection
  kLearnedHeading,      // 一、 (一) 第N节: level learned from where the style first appears
  kPositionSubsection,  // "岗位职责" and the like without a heading number
  kItem,
  kBullet,
  kParagraph,
  kMeta,
  kDropped,
};

struct Classified {
  Role role = Role::kParagraph;
  int where = 0;
  int level = 0;             // headings
  std::string text;          // a heading's title or a clause's text
  std::string fullText;      // the paragraph as shown, number included
  std::optional<int> value;  // the heading's or item's own number
  std::vector<int> dotted;   // all components of a dotted number
  std::string shownLabel;  // the number as the manual shows it: "第三章", "２．１", "一、"
  std::string kind;        // for items: which list they belong to; for learned headings
  bool byStyle = false;
  bool bold = false;
  bool wasBullet = false;
  int listLevel = 0;
  bool automatic = false;
};

class Builder {
 public:
  Builder(const OutlineOptions& options, ImportReport& report)
      : options_(options), report_(report) {}

  ManualOutline build(const std::vector<SourceParagraph>& paragraphs) {
    for (const SourceParagraph& paragraph : paragraphs) split(paragraph);
    dropTypedContents();
    for (index_ = 0; index_ < lines_.size(); ++index_) place(lines_[index_]);
    if (!titleDone_) {
      outline_.title = options_.fallbackTitle;
      report_.guess(0, "", "没有找到手册标题，用文件名「" + options_.fallbackTitle + "」作标题");
    }
    fixEmptyPositions();
    return std::move(outline_);
  }

 private:
  // ---- classifying -------------------------------------------------------------------------

  // A paragraph whose later lines start with their own numbers is several paragraphs.
  void split(const SourceParagraph& paragraph) {
    if (paragraph.tableItem) {
      Classified item;
      item.role = Role::kItem;
      item.where = paragraph.where;
      item.text = item.fullText = paragraph.text;
      item.value = paragraph.tableItem;
      item.kind = "table";
      lines_.push_back(std::move(item));
      return;
    }
    std::vector<std::string> parts;
    size_t start = 0;
    const std::string& text = paragraph.text;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      if (parts.empty() || parseTypedNumber(line)) {
        parts.push_back(line);
      } else {
        parts.back() += "\n" + line;
      }
      start = end + 1;
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      SourceParagraph part = paragraph;
      part.text = parts[i];
      if (i > 0) {
        part.label.reset();
        part.headingLevel = 0;
        part.titleStyle = false;
      }
      lines_.push_back(classify(part));
    }
  }

  Classified classify(const SourceParagraph& paragraph) {
    Classified c;
    c.where = paragraph.where;
    c.bold = paragraph.bold;
    c.text = paragraph.text;
    c.fullText = paragraph.text;
    const std::optional<ListLabel>& label = paragraph.label;
    const bool autoBullet = label && label->bullet;
    std::optional<TypedNumber> number;
    std::optional<TypedNumber> typed = parseTypedNumber(paragraph.text);
    if (label && !autoBullet) {
      c.automatic = true;
      c.listLevel = label->level;
      c.shownLabel = label->text;
      c.fullText = label->text + (label->suffix.empty() ? "" : " ") + paragraph.text;
      number = parseTypedNumber(label->text);
      if (!number) {
        // A label the patterns do not read ("a.", "甲、"): its counter is its number.
        TypedNumber counter;
        counter.style = NumberStyle::kArabic;
        counter.values = {label->value};
        counter.label = label->text;
        number = counter;
        c.kind = "auto-" + label->format;
      }
      if (typed && typed->style != NumberStyle::kBullet) {
        if (typed->style == number->style && typed->values == number->values) {
          report_.repair(c.where, c.fullText,
                         "自动编号「" + label->text + "」后又手写了同样的编号，只保留一个");
          c.text = typed->rest;
        } else {
          report_.guess(c.where, c.fullText,
                        "自动编号「" + label->text + "」后还有手写的「" + typed->label +
                            "」；按自动编号处理，手写编号留在文字中");
        }
      }
    } else if (typed) {
      number = typed;
      c.shownLabel = typed->label;
      c.text = typed->rest;
    }
    if (number) {
      c.value = number->value();
      if (number->style == NumberStyle::kDotted) c.dotted = number->values;
      if (c.kind.empty()) c.kind = number->kind();
      c.kind += "@" + std::to_string(c.listLevel);
    }

    if (paragraph.titleStyle) {
      c.role = Role::kTitle;
      c.text = c.fullText;
      return c;
    }
    if (paragraph.headingLevel > 0) {
      c.byStyle = true;
      classifyStyledHeading(c, number, paragraph.headingLevel);
      return c;
    }
    if (autoBullet) {
      c.role = Role::kBullet;
      c.wasBullet = true;
      c.listLevel = label->level;
      c.kind = "bullet@" + std::to_string(label->level);
      markMeta(c);
      return c;
    }
    if (!number) {
      c.role = isPositionSubsectionTitle(withoutTrailingColon(c.text)) ? Role::kPositionSubsection
                                                                       : Role::kParagraph;
      markMeta(c);
      return c;
    }
    if (c.text.empty() && number->style != NumberStyle::kChapter) {
      c.role = Role::kDropped;
      report_.drop(c.where, c.fullText, "只有编号「" + c.shownLabel + "」没有文字");
      return c;
    }
    switch (number->style) {
      case NumberStyle::kChapter:
        setHeadingOrParagraph(c, 1, titleLike(c.text, kMaxChapterTitleChars));
        break;
      case NumberStyle::kDotted:
        // "2024.1起施行" is a date: heading and item numbers stay below one hundred.
        if (std::any_of(c.dotted.begin(), c.dotted.end(),
                        [](int v) { return v > kMaxPlainNumber; })) {
          setHeadingOrParagraph(c, 0, false);
        } else if (c.dotted.size() <= 3 && titleLike(c.text, kMaxTitleChars)) {
          setHeadingOrParagraph(c, static_cast<int>(c.dotted.size()), true);
        } else {
          c.role = Role::kItem;
        }
        break;
      case NumberStyle::kPart:
      case NumberStyle::kChinese:
      case NumberStyle::kChineseEnclosed:
        if (titleLike(c.text, kMaxTitleChars)) {
          c.role = Role::kLearnedHeading;
        } else {
          c.role = number->style == NumberStyle::kPart ? Role::kParagraph : Role::kItem;
        }
        break;
      case NumberStyle::kBullet:
        c.role = Role::kBullet;
        c.wasBullet = true;
        c.kind = "bullet@0";
        markMeta(c);
        break;
      default:
        c.role = isPositionSubsectionTitle(withoutTrailingColon(c.text)) ? Role::kPositionSubsection
                                                                         : Role::kItem;
        break;
    }
    return c;
  }

  void setHeadingOrParagraph(Classified& c, int level, bool heading) {
    c.role = heading ? Role::kHeading : Role::kParagraph;
    c.level = level;
    if (!heading) c.text = c.fullText;
  }

  void classifyStyledHeading(Classified& c, const std::optional<TypedNumber>& number,
                             int styleLevel) {
    c.role = Role::kHeading;
    if (number && number->style == NumberStyle::kChapter) {
      c.level = 1;
    } else if (number && number->style == NumberStyle::kDotted && c.dotted.size() <= 3) {
      c.level = static_cast<int>(c.dotted.size());
    } else if (number && (number->style == NumberStyle::kArticle ||
                          (number->style == NumberStyle::kDotted && c.dotted.size() > 3))) {
      c.role = Role::kItem;
    } else if (styleLevel <= 3) {
      c.level = styleLevel;
      if (number && number->style == NumberStyle::kBullet) {
        c.value.reset();
        c.text = c.fullText;
      }
    } else if (number) {
      c.role = Role::kItem;
    } else {
      c.role = Role::kParagraph;
      report_.repair(c.where, c.fullText,
                     "第 " + std::to_string(styleLevel) + " 级标题超出本格式的三级，读作段落");
    }
  }

  void markMeta(Classified& c) {
    if (auto meta = metaLine(c.text)) {
      c.role = Role::kMeta;
      c.text = *meta;
    }
  }

  // A typed table of contents, and the "目录" line above it.
  void dropTypedContents() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].role == Role::kDropped || !isTypedContentsLine(lines_[i].fullText)) continue;
      size_t end = i;
      while (end < lines_.size() && isTypedContentsLine(lines_[end].fullText)) ++end;
      size_t first = i;
      if (first > 0 && withoutSpaces(lines_[first - 1].fullText) == "目录") --first;
      for (size_t k = first; k < end; ++k) lines_[k].role = Role::kDropped;
      report_.drop(lines_[first].where, lines_[first].fullText,
                   "手写的目录（至" + report_.locate(lines_[end - 1].where) +
                       "）未导入：目录会重复每个标题");
      i = end - 1;
    }
  }

  // ---- placing -----------------------------------------------------------------------------

  void place(const Classified& c) {
    switch (c.role) {
      case Role::kDropped:
        return;
      case Role::kTitle:
        if (!titleDone_ && outline_.chapters.empty()) {
          setTitle(c, "");
        } else {
          addParagraph(c, c.fullText);
        }
        return;
      case Role::kHeading:
        if (c.level == 1 && !c.value && c.byStyle && !titleDone_ && outline_.chapters.empty()) {
          setTitle(c, "没有章号的一级标题");
          return;
        }
        heading(c, c.level);
        return;
      case Role::kLearnedHeading:
        learnedHeading(c);
        return;
      case Role::kPositionSubsection:
        if (section()) {
          reportPattern(c, 3, "标题为「" + withoutTrailingColon(c.text) + "」");
          openSubsection(c, std::nullopt);
        } else if (c.value) {
          addItem(c);
        } else {
          addParagraph(c, c.fullText);
        }
        return;
      case Role::kItem:
        if (!c.dotted.empty()) {
          dottedItem(c);
        } else {
          addItem(c);
        }
        return;
      case Role::kMeta:
        if (depth() == 2 && section()->heading.blocks.empty()) {
          if (!c.wasBullet) {
            report_.guess(c.where, c.fullText, "读作岗位的上下级信息（不是条款）");
          }
          section()->meta.push_back(c.text);
          return;
        }
        if (c.wasBullet) {
          addBullet(c);
        } else {
          addParagraph(c, c.fullText);
        }
        return;
      case Role::kBullet:
        addBullet(c);
        return;
      case Role::kParagraph:
        if (!titleDone_ && outline_.chapters.empty() && container().blocks.empty() &&
            outline_.preface.empty() && titleLike(c.text, kMaxChapterTitleChars)) {
          setTitle(c, "第一个段落");
          return;
        }
        addParagraph(c, c.fullText);
        return;
    }
  }

  void setTitle(const Classified& c, std::string_view guessedFrom) {
    outline_.title = c.fullText;
    titleDone_ = true;
    if (!guessedFrom.empty()) {
      report_.guess(c.where, c.fullText, "把" + std::string(guessedFrom) + "读作手册标题");
    }
  }

  // Where blocks go now: the deepest open heading, or the preface before any chapter.
  struct Container {
    std::vector<OutlineBlock>& blocks;
    std::string number;  // "" for the preface
  };
  Container container() {
    if (OutlineSection* s = section()) {
      if (!s->subsections.empty() && inSubsection_)
        return {s->subsections.back().blocks, s->subsections.back().number};
      return {s->heading.blocks, s->heading.number};
    }
    if (!outline_.chapters.empty()) {
      return {outline_.chapters.back().heading.blocks, outline_.chapters.back().heading.number};
    }
    return {outline_.preface, ""};
  }

  OutlineSection* section() {
    if (outline_.chapters.empty() || !inSection_) return nullptr;
    auto& sections = outline_.chapters.back().sections;
    return sections.empty() ? nullptr : &sections.back();
  }

  int depth() const {
    if (outline_.chapters.empty()) return 0;
    if (!inSection_) return 1;
    return inSubsection_ ? 3 : 2;
  }

  void reportPattern(const Classified& c, int level, const std::string& how) {
    if (c.byStyle || !options_.reportPatternHeadings) return;
    report_.guess(c.where, c.fullText,
                  std::string(c.bold ? "加粗段落" : "段落") + "按" + how + "读作" +
                      std::string(kLevelNames[static_cast<size_t>(level)]) +
                      "标题（未用标题样式）");
  }

  void heading(const Classified& c, int level) {
    if (!c.byStyle) reportPattern(c, level, "编号「" + c.shownLabel + "」");
    if (level == 1) {
      openChapter(c);
    } else if (level == 2) {
      openSection(c, c.value);
    } else {
      openSubsection(c, c.value);
    }
  }

  void learnedHeading(const Classified& c) {
    const int here = depth() + 1;
    const auto known = learnedLevel_.find(c.kind);
    int level = known == learnedLevel_.end() ? here : std::min(known->second, here);
    if (level > 3) {
      addItem(c);
      return;
    }
    learnedLevel_.emplace(c.kind, level);
    reportPattern(c, level, "编号「" + c.shownLabel + "」");
    if (level == 1) {
      openChapter(c);
    } else if (level == 2) {
      openSection(c, c.value);
    } else {
      openSubsection(c, c.value);
    }
  }

  void resetBlocks() {
    usedItems_.clear();
    topKind_.clear();
    lastWasItem_ = false;
  }

  // A chapter without its own number takes the one its first section shows, if free.
  int numberForChapter(const Classified& c) {
    if (c.value && c.shownLabel.starts_with("第")) return *c.value;
    for (size_t k = index_ + 1; k < lines_.size(); ++k) {
      const Classified& next = lines_[k];
      if (next.role == Role::kHeading && next.level == 1) break;
      if ((next.role == Role::kHeading || next.role == Role::kItem) && next.dotted.size() >= 2) {
        if (!usedChapters_.count(next.dotted.front())) return next.dotted.front();
        break;
      }
    }
    if (c.value && !usedChapters_.count(*c.value)) return *c.value;
    return usedChapters_.empty() ? 1 : *usedChapters_.rbegin() + 1;
  }

  void openChapter(const Classified& c) {
    int number = numberForChapter(c);
    if (usedChapters_.count(number)) {
      const int free = *usedChapters_.rbegin() + 1;
      report_.repair(c.where, c.fullText,
                     "章号「" + (c.shownLabel.empty() ? std::to_string(number) : c.shownLabel) +
                         "」与前面的章重复，改为" + chineseChapterLabel(free));
      number = free;
    }
    const bool ownNumber = c.value && c.shownLabel.starts_with("第") && number == *c.value;
    OutlineChapter chapter;
    chapter.heading.number = std::to_string(number);
    chapter.heading.label =
        ownNumber ? chapterLabel(c.shownLabel, number) : chineseChapterLabel(number);
    chapter.heading.title = c.text;
    chapter.heading.where = c.where;
    if (!ownNumber && !c.shownLabel.starts_with("第")) {
      report_.repair(c.where, c.fullText,
                     (c.shownLabel.empty() ? std::string("章标题没有章号")
                                           : "章号「" + c.shownLabel + "」不是「第N章」的写法") +
                         "，写作「" + chapter.heading.label + "」");
    } else if (ownNumber && chapter.heading.label != c.shownLabel) {
      report_.repair(c.where, c.fullText,
                     "章号「" + c.shownLabel + "」写作「" + chapter.heading.label + "」");
    }
    usedChapters_.insert(number);
    outline_.chapters.push_back(std::move(chapter));
    inSection_ = inSubsection_ = false;
    resetBlocks();
  }

  OutlineChapter& ensureChapter(const Classified& c) {
    if (outline_.chapters.empty()) {
      const int number = c.dotted.empty() ? 1 : c.dotted.front();
      OutlineChapter chapter;
      chapter.heading.number = std::to_string(number);
      chapter.heading.label = chineseChapterLabel(number);
      chapter.heading.where = c.where;
      report_.repair(c.where, c.fullText,
                     "前面没有章标题，补上「" + chapter.heading.label + "」（请补写章名）");
      usedChapters_.insert(number);
      outline_.chapters.push_back(std::move(chapter));
    }
    return outline_.chapters.back();
  }

  // The number for a heading under `parent`: the manual's own where it fits, else the next free
  // one, and every change reported.
  std::string childNumber(const Classified& c, const std::string& parent, std::optional<int> wanted,
                          int level) {
    const std::string own = dottedText(c.dotted);
    int k = wanted.value_or(0);
    if (k <= 0) k = 1;
    std::string number = parent + "." + std::to_string(k);
    while (usedHeadings_.count(number)) number = parent + "." + std::to_string(++k);
    const std::string what(kLevelNames[static_cast<size_t>(level)]);
    if (!own.empty() && own != number) {
      report_.repair(c.where, c.fullText,
                     "编号 " + own + " 与上级 " + parent + " 不符或已用过，改为 " + number);
    } else if (own.empty() && !c.shownLabel.empty()) {
      report_.repair(c.where, c.fullText, "编号「" + c.shownLabel + "」在本格式中写作 " + number);
    } else if (own.empty()) {
      report_.repair(c.where, c.fullText, what + "标题没有编号，编为 " + number);
    } else if (c.shownLabel != own && !c.automatic) {
      report_.repair(c.where, c.fullText, "编号「" + c.shownLabel + "」写作 " + number);
    }
    usedHeadings_.insert(number);
    return number;
  }

  std::string titleOf(const Classified& c) {
    if (!c.text.empty()) return c.text;
    report_.repair(c.where, c.fullText,
                   "标题只有编号，名称写作「" + std::string(kUntitled) + "」，请补写");
    return std::string(kUntitled);
  }

  void openSection(const Classified& c, std::optional<int> wanted) {
    OutlineChapter& chapter = ensureChapter(c);
    if (c.dotted.size() == 2) wanted = c.dotted.back();
    OutlineSection section;
    section.heading.number = childNumber(c, chapter.heading.number, wanted, 2);
    section.heading.label = section.heading.number;
    section.heading.title = titleOf(c);
    section.heading.where = c.where;
    chapter.sections.push_back(std::move(section));
    inSection_ = true;
    inSubsection_ = false;
    resetBlocks();
  }

  void openSubsection(const Classified& c, std::optional<int> wanted) {
    OutlineChapter& chapter = ensureChapter(c);
    if (!section()) {
      const int k = c.dotted.size() == 3 ? c.dotted[1] : 1;
      OutlineSection implicit;
      implicit.heading.number = chapter.heading.number + "." + std::to_string(k);
      while (usedHeadings_.count(implicit.heading.number)) {
        implicit.heading.number += "1";
      }
      usedHeadings_.insert(implicit.heading.number);
      implicit.heading.label = implicit.heading.number;
      implicit.heading.title = std::string(kUntitled);
      implicit.heading.where = c.where;
      report_.repair(c.where, c.fullText,
                     "小节前面没有节标题，补上「" + implicit.heading.number + " " +
                         std::string(kUntitled) + "」，请补写节名");
      chapter.sections.push_back(std::move(implicit));
      inSection_ = true;
    }
    OutlineSection& parent = *section();
    if (c.dotted.size() == 3) wanted = c.dotted.back();
    if (!wanted) wanted = static_cast<int>(parent.subsections.size()) + 1;
    OutlineHeading subsection;
    subsection.number = childNumber(c, parent.heading.number, wanted, 3);
    subsection.label = subsection.number;
    subsection.title = titleOf(c);
    subsection.where = c.where;
    parent.subsections.push_back(std::move(subsection));
    inSubsection_ = true;
    resetBlocks();
  }

  // "2.1.3 负责……。" under 2.1 is item 3 of 2.1: its number already is its address. Under any
  // other heading it is a sentence that starts with a number.
  void dottedItem(const Classified& c) {
    const std::vector<int> prefix(c.dotted.begin(), c.dotted.end() - 1);
    if (dottedText(prefix) == container().number) {
      addItem(c);
    } else {
      addParagraph(c, c.fullText);
    }
  }

  void addItem(const Classified& c) {
    Container into = container();
    const bool nests = !topKind_.empty() && c.kind != topKind_ && !into.blocks.empty() &&
                       into.blocks.back().kind == OutlineBlock::Kind::kItem && lastWasItem_ &&
                       c.kind != "table" && c.dotted.empty();
    if (nests) {
      into.blocks.back().nested.push_back(c.fullText);
      return;
    }
    if (topKind_.empty()) topKind_ = c.kind;
    int number = c.value.value_or(1);
    if (usedItems_.count(number)) {
      const int free = *usedItems_.rbegin() + 1;
      report_.repair(c.where, c.fullText,
                     "条款编号 " + std::to_string(number) + " 在" +
                         (into.number.empty() ? std::string("前言") : into.number) +
                         " 下重复，改为第 " + std::to_string(free) + " 条（条款地址不能重复）");
      number = free;
    }
    usedItems_.insert(number);
    OutlineBlock block;
    block.kind = OutlineBlock::Kind::kItem;
    block.number = number;
    block.text = c.text;
    block.where = c.where;
    into.blocks.push_back(std::move(block));
    lastWasItem_ = true;
    lastItemLevel_ = c.listLevel;
  }

  void addBullet(const Classified& c) {
    Container into = container();
    // An automatic bullet indented under an item belongs to that item.
    if (lastWasItem_ && c.listLevel > lastItemLevel_ && !into.blocks.empty()) {
      into.blocks.back().nested.push_back("- " + c.text);
      return;
    }
    OutlineBlock block;
    block.kind = OutlineBlock::Kind::kBullet;
    block.text = c.text;
    block.where = c.where;
    into.blocks.push_back(std::move(block));
    lastWasItem_ = false;
  }

  void addParagraph(const Classified& c, const std::string& text) {
    OutlineBlock block;
    block.kind = OutlineBlock::Kind::kParagraph;
    block.text = text;
    block.where = c.where;
    container().blocks.push_back(std::move(block));
    lastWasItem_ = false;
  }

  // A position (a section with 岗位职责 and the like) with no clause at all fails the check; its
  // empty subsections go, so that it stays a plain section and the gap is reported.
  void fixEmptyPositions() {
    for (OutlineChapter& chapter : outline_.chapters) {
      for (OutlineSection& section : chapter.sections) {
        const bool position =
            std::any_of(section.subsections.begin(), section.subsections.end(),
                        [](const OutlineHeading& s) { return isPositionSubsectionTitle(s.title); });
        const bool anyClause =
            !section.heading.blocks.empty() ||
            std::any_of(section.subsections.begin(), section.subsections.end(),
                        [](const OutlineHeading& s) { return !s.blocks.empty(); });
        if (!position || anyClause) continue;
        report_.repair(
            section.heading.where, section.heading.title,
            "岗位「" + section.heading.title + "」下没有任何条款，删去它的空小节；请补写职责");
        section.subsections.clear();
      }
    }
  }

  const OutlineOptions& options_;
  ImportReport& report_;
  ManualOutline outline_;
  std::vector<Classified> lines_;
  size_t index_ = 0;
  bool titleDone_ = false;
  bool inSection_ = false;
  bool inSubsection_ = false;
  std::map<std::string, int> learnedLevel_;  // 一、 (一) 第N节: the level each was first seen at
  std::set<int> usedChapters_;
  std::set<std::string> usedHeadings_;
  // Items under the current heading.
  std::set<int> usedItems_;
  std::string topKind_;  // the list style of its first item; other styles nest in the item above
  bool lastWasItem_ = false;
  int lastItemLevel_ = 0;
};

}  // namespace

ManualOutline buildOutline(const std::vector<SourceParagraph>& paragraphs,
                           const OutlineOptions& options, ImportReport& report) {
  return Builder(options, report).build(paragraphs);
}

}  // namespace dutydesk
