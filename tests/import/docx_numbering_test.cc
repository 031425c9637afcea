// The counters behind Word's automatic labels, checked on numbering.xml written in the test.
#include "import/docx_numbering.h"

#include <doctest/doctest.h>

namespace dutydesk {

namespace {

struct Numbering {
  pugi::xml_document numberingXml;
  pugi::xml_document stylesXml;
  DocxStyles styles;
  DocxNumbering numbering;

  Numbering(const std::string& numbering, const std::string& styles = "") {
    const std::string ns =
        R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
    parseXmlPart("<w:styles" + ns + ">" + styles + "</w:styles>", "styles.xml", stylesXml);
    parseXmlPart("<w:numbering" + ns + ">" + numbering + "</w:numbering>", "numbering.xml",
                 numberingXml);
    const WordNames w = WordNames::of(numberingXml.document_element(), "numbering.xml");
    this->styles = DocxStyles(stylesXml.document_element(), w);
    this->numbering = DocxNumbering(numberingXml.document_element(), w, this->styles);
  }

  std::string next(int numId, int ilvl) {
    const auto label = numbering.next(numId, ilvl);
    return label ? label->text : "(none)";
  }
};

std::string lvl(int ilvl, const std::string& format, const std::string& text,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" +
         format + "\"/>" + extra + "<w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}

}  // namespace

TEST_CASE("deeper levels restart when a higher level is used, unless lvlRestart says otherwise") {
  Numbering n("<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "第%1章") +
              lvl(1, "decimal", "%1.%2", "<w:isLgl/>") +
              lvl(2, "decimal", "(%3)", "<w:lvlRestart w:val=\"1\"/>") +
              "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
  CHECK(n.next(1, 0) == "第一章");
  CHECK(n.next(1, 1) == "1.1");
  CHECK(n.next(1, 2) == "(1)");
  CHECK(n.next(1, 1) == "1.2");
  CHECK(n.next(1, 2) == "(2)");  // level 2 restarts only after level 1 (0-based 0)
  CHECK(n.next(1, 0) == "第二章");
  CHECK(n.next(1, 2) == "(1)");
  CHECK(n.next(1, 1) == "2.1");
}

TEST_CASE(
    "w:nums of one abstract numbering share counters; startOverride restarts where first used") {
  Numbering n("<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "decimal", "%1.") +
              "</w:abstractNum>"
              "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
              "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
              "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
              "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>");
  CHECK(n.next(1, 0) == "1.");
  CHECK(n.next(2, 0) == "2.");
  CHECK(n.next(3, 0) == "5.");
  CHECK(n.next(3, 0) == "6.");
  CHECK(n.next(1, 0) == "7.");
  CHECK(n.next(0, 0) == "(none)");  // numId 0 removes numbering
  CHECK(n.next(9, 0) == "(none)");  // unknown list
}

TEST_CASE("numStyleLink follows the numbering style to the list that defines the levels") {
  Numbering n(
      "<w:abstractNum w:abstractNumId=\"0\"><w:numStyleLink w:val=\"S\"/></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"S\"/>" +
          lvl(0, "decimalFullWidth", "%1．", "<w:suff w:val=\"nothing\"/>") +
          "</w:abstractNum>"
          "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
          "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>",
      "<w:style w:type=\"numbering\" w:styleId=\"S\"><w:name w:val=\"x\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>");
  const auto label = n.numbering.next(1, 0);
  REQUIRE(label.has_value());
  CHECK(label->text == "１．");
  CHECK(label->suffix.empty());
  CHECK(n.next(2, 0) == "２．");
}

TEST_CASE("a level override replaces the level's definition for that w:num only") {
  Numbering n(
      "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "decimal", "%1.") +
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"0\">" +
      lvl(0, "chineseCounting", "%1、") +
      "</w:lvlOverride></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>");
  CHECK(n.next(1, 0) == "一、");
  CHECK(n.next(2, 0) == "2.");
}

}  // namespace dutydesk
