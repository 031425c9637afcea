#include "core/question.h"

#include <algorithm>
#include <bitset>

#include "core/pinyin.h"
#include "core/segmenter.h"
#include "core/utf8.h"

namespace dutydesk {

bool Question::has(Intent intent) const {
  return std::find(intents.begin(), intents.end(), intent) != intents.end();
}

namespace {

const std::string* canonicalFor(const PositionNames& names, std::string_view word) {
  for (const auto& entry : names.entries) {
    if (entry.name == word) return &entry.canonical;
  }
  return nullptr;
}

// Words that shape the question (谁, 上级, 还是 …) rather than say what it is about. The
// words of clause kinds (oversee, handover) are content, and so are those asking an amount:
// 几次 still finds 两次 through 次.
bool isQuestionWord(const Lexicon& lexicon, std::string_view word) {
  for (Intent intent : lexicon.intentsOf(word)) {
    if (intent != Intent::kOversee && intent != Intent::kHandOver && intent != Intent::kAmount) {
      return true;
    }
  }
  return false;
}

// A short word that people use for a position it begins ("行政" for 行政专员, "客服" for
// 客服专员): where several names begin with it, the person doing the work (no 直接下级) is
// meant before a supervisor, then the shortest name.
const std::string* canonicalByPrefix(const PositionNames& names, std::string_view word) {
  if (word.size() < 6) return nullptr;  // at least two Han characters
  const PositionNames::Entry* best = nullptr;
  for (const auto& entry : names.entries) {
    if (entry.name.size() <= word.size() || !entry.name.starts_with(word)) continue;
    if (!best ||
        std::pair(entry.leads, entry.name.size()) < std::pair(best->leads, best->name.size())) {
      best = &entry;
    }
  }
  return best ? &best->canonical : nullptr;
}

// Words between 我 and what the asker says they are: 我在监控室, 我是个保安, 我当门岗, 我是新来的
// 保洁, 我刚调到行政, 我是管电梯的.
bool isSelfLink(std::string_view word) {
  static constexpr std::string_view kLinks[] = {"在",   "是",   "个", "一个", "当", "做",
                                                "刚",   "新来", "的", "调到", "调", "到",
                                                "当上", "升",   "管", "负责"};
  return std::find(std::begin(kLinks), std::end(kLinks), word) != std::end(kLinks);
}

// The position a word names when the asker uses it of themselves: one it begins (弱电 →
// 弱电工), one an alternative of it is or begins (保安 → 秩序维护员; 监控室 → 监控中心 →
// 监控中心值班员).
const std::string* askerNamed(const PositionNames& names, std::string_view word,
                              const std::vector<std::string>& alternatives) {
  if (const std::string* canonical = canonicalByPrefix(names, word)) return canonical;
  for (const std::string& alternative : alternatives) {
    if (const std::string* canonical = canonicalFor(names, alternative)) return canonical;
  }
  for (const std::string& alternative : alternatives) {
    if (const std::string* canonical = canonicalByPrefix(names, alternative)) return canonical;
  }
  return nullptr;
}

// Whether the question asks who does the work (谁来打, 该谁管, 找哪个师傅, 有人管吗) rather than
// whom the asker reports to (报给谁, 打电话给哪个部门, 通知谁): only then is the work someone
// else's.
bool asksAboutSomeoneElse(std::string_view text) {
  static constexpr std::string_view kWho[] = {"谁", "哪个", "哪位"};
  static constexpr std::string_view kToWhom[] = {"给", "报", "告诉", "通知", "报告", "汇报"};
  for (std::string_view who : kWho) {
    for (size_t at = text.find(who); at != std::string_view::npos; at = text.find(who, at + 1)) {
      const std::string_view before = text.substr(0, at);
      if (before.ends_with("派给") ||
          std::none_of(std::begin(kToWhom), std::end(kToWhom),
                       [&](std::string_view verb) { return before.ends_with(verb); })) {
        return true;
      }
    }
  }
  return text.find("有人管") != std::string_view::npos ||
         text.find("有没有人") != std::string_view::npos;
}

struct NameSpan {
  size_t begin;
  size_t end;
  const std::string* canonical;
};

// Byte ranges of normalized text covered by position names, longest names first so that 弱电工
// is not also read as 电工. Given the text's words (a question, not clause text), a name must
// also begin and end where words do: 停电工作 (停电|工作) names no 电工; and a name of three
// characters or more may be typed with a pinyin slip (采够员 names 采购员).
std::vector<NameSpan> findNames(const std::string& text, const PositionNames& names,
                                std::vector<std::string>& positions,
                                const std::vector<Token>* words = nullptr) {
  const auto onWordBoundaries = [words](size_t begin, size_t end) {
    if (!words) return true;
    const bool starts = std::any_of(words->begin(), words->end(),
                                    [begin](const Token& t) { return t.begin == begin; });
    const bool ends =
        std::any_of(words->begin(), words->end(), [end](const Token& t) { return t.end == end; });
    return starts && ends;
  };
  std::vector<NameSpan> spans;
  const auto add = [&](size_t at, size_t end, const std::string& canonical) {
    const bool overlaps = std::any_of(spans.begin(), spans.end(), [&](const NameSpan& span) {
      return at < span.end && span.begin < end;
    });
    if (overlaps || !onWordBoundaries(at, end)) return;
    spans.push_back({at, end, &canonical});
    addUnique(positions, canonical);
  };
  // In a question (words given), a name may also be typed with a pinyin slip: the question's
  // characters by sound, with where each starts.
  std::vector<std::pair<size_t, unsigned short>> sounds;
  std::bitset<1024> heard;  // the syllables the question has: most names need no closer look
  if (words) {
    for (size_t at = 0; at < text.size();) {
      const size_t begin = at;
      sounds.emplace_back(begin, syllableOf(utf8::decode(text, at)));
      heard.set(sounds.back().second % heard.size());
    }
  }
  for (const auto* entry = names.entries.data();
       entry != names.entries.data() + names.entries.size(); ++entry) {
    if (entry->name.size() < 4) continue;  // a single Han character is no name
    for (size_t at = text.find(entry->name); at != std::string::npos;
         at = text.find(entry->name, at + entry->name.size())) {
      add(at, at + entry->name.size(), entry->canonical);
    }
    // Names of three characters or more only: two characters sound like too many other words
    // (保安, 宝安). Compared character by character, without building strings: a question is
    // checked against every name of every manual.
    if (sounds.empty()) continue;
    size_t next = 0;
    const unsigned short first = syllableOf(utf8::decode(entry->name, next));
    if (first == 0 || !heard.test(first % heard.size())) continue;
    for (size_t i = 0; i < sounds.size(); ++i) {
      if (sounds[i].second != first) continue;
      size_t at = next;
      size_t j = i + 1;  // the question's character that the name's next one must sound like
      bool alike = true;
      while (alike && at < entry->name.size()) {
        const unsigned short syllable = syllableOf(utf8::decode(entry->name, at));
        alike = j < sounds.size() && syllable != 0 && syllable == sounds[j].second;
        ++j;
      }
      if (!alike || j - i < 3) continue;
      add(sounds[i].first, j < sounds.size() ? sounds[j].first : text.size(), entry->canonical);
    }
  }
  return spans;
}

// A building, floor or parking-level label ("3号楼", "2栋", "A座", "B2层"): where the asker
// is, not what the manual says; a manual's "3分钟" would match its 3 and "按楼栋房号" its
// 号 and 楼. Emergency numbers (110, 119) and words (IC卡, app) have three digits or two
// letters and stay.
bool isPlaceLabel(const Token& token) {
  if (token.han || token.text.size() > 2) return false;
  const size_t letters = static_cast<size_t>(std::count_if(
      token.text.begin(), token.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  return letters <= 1;
}

// The unit after a place label: 号楼, 栋, 单元, 层 …
bool isPlaceUnit(const Token& token) {
  static const std::string_view kUnits[] = {"号",   "楼", "号楼", "栋", "幢", "座", "单元", "层",
                                            "楼层", "室", "号房", "户", "区", "期", "号院"};
  return token.han &&
         std::find(std::begin(kUnits), std::end(kUnits), token.text) != std::end(kUnits);
}

// The parts of normalized text that only make a yes-no question: "X不" of X不X (要不要, 需不需要,
// 是不是), "X没" of X没X (有没有), and a 不 that ends a sentence (狗能进去不). What is left (要,
// 需要, 是) is the verb, which the stop words may drop. 要不要断电 must not match 不要.
std::vector<std::pair<size_t, size_t>> yesNoParts(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> parts;
  std::vector<std::pair<size_t, char32_t>> characters;  // start and code point of each
  for (size_t at = 0; at < text.size();) {
    const size_t begin = at;
    characters.emplace_back(begin, utf8::decode(text, at));
  }
  for (size_t i = 1; i < characters.size(); ++i) {
    const char32_t c = characters[i].second;
    if (c != U'不' && c != U'没') continue;
    const char32_t before = characters[i - 1].second;
    const size_t end = i + 1 < characters.size() ? characters[i + 1].first : text.size();
    if (i + 1 < characters.size() && characters[i + 1].second == before && isHan(before)) {
      parts.emplace_back(characters[i - 1].first, end);
    } else if (c == U'不' && isHan(before) &&
               (i + 1 == characters.size() || !isHan(characters[i + 1].second))) {
      parts.emplace_back(characters[i].first, end);
    }
  }
  return parts;
}

}  // namespace

std::vector<PositionMention> mentionedPositions(const std::string& normalized,
                                                const PositionNames& names) {
  std::vector<std::string> positions;
  std::vector<PositionMention> mentions;
  for (const NameSpan& span : findNames(normalized, names, positions)) {
    const auto known = std::find_if(mentions.begin(), mentions.end(), [&](const auto& mention) {
      return mention.canonical == *span.canonical;
    });
    if (known == mentions.end()) {
      mentions.push_back({*span.canonical, span.begin, span.end});
    } else if (span.begin < known->at) {
      known->at = span.begin;
      known->end = span.end;
    }
  }
  return mentions;
}

Question analyzeQuestion(std::string_view text, TextAnalyzer& analyzer,
                         const PositionNames& names) {
  Question question;
  question.analyzed = analyzer.forQuery(text);
  const Lexicon& lexicon = analyzer.lexicon();
  const auto spans = findNames(question.analyzed.normalized.text, names, question.positions,
                               &question.analyzed.words);
  for (const Token& token : question.analyzed.words) {
    for (Intent intent : lexicon.intentsOf(token.text)) {
      if (!question.has(intent)) question.intents.push_back(intent);
    }
  }
  // Where the question sets positions against each other ("是保洁清还是保安清") or the asker
  // says who they are ("我是客服"), a short word stands for a position it begins.
  const bool comparing = question.has(Intent::kAlternative);
  // What the words so far say of the asker, as of the word before the current one: whether
  // they follow 我 (and any links), 我是 or 我在 (the next word may name the asker's position),
  // or 我们.
  struct SelfIntroduction {
    bool started = false;
    bool namesNext = false;
    bool inGroup = false;
  } before;
  const NameSpan* askerSpan = nullptr;
  const std::string_view normalized = question.analyzed.normalized.text;
  size_t placeLabelEnd = std::string::npos;  // where the last place label (and its units) ended
  const auto yesNo = yesNoParts(question.analyzed.normalized.text);
  for (Token token : question.analyzed.words) {
    // A word in a yes-no part is question structure; a word reaching past one keeps its rest.
    const auto part = std::find_if(yesNo.begin(), yesNo.end(), [&](const auto& range) {
      return token.begin < range.second && range.first < token.end;
    });
    if (part != yesNo.end()) {
      if (token.end <= part->second) continue;
      token.text = question.analyzed.normalized.text.substr(part->second, token.end - part->second);
      token.begin = part->second;
    }
    if (isPlaceLabel(token) || (token.begin == placeLabelEnd && isPlaceUnit(token))) {
      placeLabelEnd = token.end;
      continue;
    }
    const bool link = isSelfLink(token.text);
    SelfIntroduction now;
    // Saying who one is takes 是 or 在 (我是弱电, 我在监控室): in 催我交钱, 我 is no one's name.
    now.namesNext = token.text == "我是" || token.text == "我在" || (before.started && link);
    now.started = now.namesNext || token.text == "我";
    // 我们 names a group the asker belongs to when a 的 closes it (我们绿化的, 我们做保洁的).
    now.inGroup = token.text == "我们" || (before.inGroup && link);
    const bool closesGroup = before.inGroup && normalized.substr(token.end).starts_with("的");
    const auto nameSpan = std::find_if(spans.begin(), spans.end(), [&](const NameSpan& span) {
      return token.begin >= span.begin && token.end <= span.end;
    });
    const bool inName = nameSpan != spans.end();
    if (!inName && (lexicon.isStopWord(token.text) || isQuestionWord(lexicon, token.text))) {
      before = now;
      continue;
    }
    bool namesAsker = false;
    if ((before.namesNext || closesGroup) && !question.asker) {
      if (inName) {
        question.asker = *nameSpan->canonical;
        askerSpan = &*nameSpan;
      } else if (const std::string* canonical =
                     askerNamed(names, token.text, lexicon.alternativesOf(token.text))) {
        question.asker = *canonical;
        namesAsker = true;
      }
    }
    QueryWord word;
    word.text = token.text;
    word.begin = token.begin;
    word.end = token.end;
    word.alternatives = lexicon.alternativesOf(token.text);
    word.positionName = inName || namesAsker;
    word.namesAsker = namesAsker || (inName && &*nameSpan == askerSpan);
    word.place = normalized.substr(token.end).starts_with("里");
    if (!inName && (comparing || before.started)) {
      if (const std::string* canonical = canonicalByPrefix(names, token.text)) {
        addUnique(question.positions, *canonical);
        word.positionName = true;
      }
    }
    before = now;
    // A synonym of a position's name names it too: 保安 → 秩序维护员.
    if (!inName) {
      for (const std::string& alternative : word.alternatives) {
        if (const std::string* canonical = canonicalFor(names, alternative)) {
          addUnique(question.positions, *canonical);
          word.positionName = true;
        }
      }
    }
    for (const Token& bigram : question.analyzed.bigrams) {
      if (bigram.begin >= token.begin && bigram.end <= token.end)
        word.bigrams.push_back(bigram.text);
    }
    word.singleHan = token.han && word.bigrams.empty();
    if (!word.singleHan) {
      for (const Token& character : question.analyzed.characters) {
        if (character.begin >= token.begin && character.end <= token.end &&
            !lexicon.isStopWord(character.text)) {
          addUnique(word.characters, character.text);
        }
      }
    }
    if (std::none_of(question.words.begin(), question.words.end(),
                     [&](const QueryWord& w) { return w.text == word.text; })) {
      question.words.push_back(std::move(word));
    }
  }
  if (question.asker) {
    question.asksOwnWork = !asksAboutSomeoneElse(normalized);
    // 我是前台 … 派给哪个师傅: the asker only said who they are.
    if (!question.asksOwnWork) std::erase(question.positions, *question.asker);
  }
  return question;
}

}  // namespace dutydesk
