package com.fankeep.core.importing.read;

import static com.fankeep.core.importing.read.VCardTableReader.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VCardTableReaderTest {

    static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    @Test
    void headerRowComesFirstAndCardsAreNumberedByTheirBeginLine() throws Exception {
        List<SheetRow> rows = read("""
                BEGIN:VCARD
                VERSION:3.0
                FN:张三
                END:VCARD

                BEGIN:VCARD
                VERSION:3.0
                FN:李四
                END:VCARD
                """.replace("\n", "\r\n"));
        assertThat(rows.get(0).number()).isZero();
        assertThat(rows.get(0).cells()).isEqualTo(COLUMNS);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).number()).isEqualTo(1);
        assertThat(cell(rows.get(1), FN)).isEqualTo("张三");
        assertThat(rows.get(2).number()).isEqualTo(6);
        assertThat(cell(rows.get(2), FN)).isEqualTo("李四");
    }

    @Test
    void quotedPrintableUtf8WithSoftLineBreaks() throws Exception {
        // Android: every byte =XX, a soft line break "=" CRLF in the middle of a character's bytes
        String text = "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                + "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E5=96=86;;;\r\n"
                + "ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;=E6=9C=9B=E4=BA=AC=E8=A5=BF=E5=9B=AD=31=E5=\r\n"
                + "=8F=B7;=E5=8C=97=E4=BA=AC=E5=B8=82;=E5=8C=97=E4=BA=AC;100102;=E4=B8=AD=E5=9B=BD\r\n"
                + "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E7=AC=AC=E4=B8=80=E8=A1=8C=0D=0A=E7=AC=AC=E4=BA=8C=E8=A1=8C=\r\n"
                + "\r\n"
                + "TEL;CELL:13800138001\r\n"
                + "END:VCARD\r\n";
        SheetRow card = read(text).get(1);
        assertThat(cell(card, N_FAMILY)).isEqualTo("王");
        assertThat(cell(card, N_GIVEN)).isEqualTo("喆");
        assertThat(cell(card, ADR_STREET)).isEqualTo("望京西园1号");
        assertThat(cell(card, ADR_CITY)).isEqualTo("北京市");
        assertThat(cell(card, ADR_REGION)).isEqualTo("北京");
        assertThat(cell(card, ADR_POSTCODE)).isEqualTo("100102");
        assertThat(cell(card, ADR_COUNTRY)).isEqualTo("中国");
        assertThat(cell(card, NOTE)).isEqualTo("第一行\r\n第二行");
        assertThat(cell(card, TEL)).isEqualTo("13800138001");
        assertThat(cell(card, PROBLEM)).isEmpty();
    }

    @Test
    void bareQuotedPrintableParameterOf21() throws Exception {
        SheetRow card = read("BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE;CHARSET=UTF-8:=E9=99=B6=E5=A0=83\nEND:VCARD\n").get(1);
        assertThat(cell(card, FN)).isEqualTo("陶堃");
    }

    @Test
    void gb18030CardsWithAndWithoutCharset() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GB18030:".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("陶堃".getBytes(GB18030));
        out.writeBytes("\r\nNOTE;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:".getBytes(StandardCharsets.US_ASCII));
        for (byte b : "老客户".getBytes(GB18030)) {
            out.writeBytes(String.format("=%02X", b & 0xFF).getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("王喆".getBytes(GB18030)); // an old phone: GBK bytes, no CHARSET at all
        out.writeBytes("\r\nEND:VCARD\r\n".getBytes(StandardCharsets.US_ASCII));
        Path f = dir.resolve("gb.vcf");
        Files.write(f, out.toByteArray());
        List<SheetRow> rows = readAll(f, null);
        assertThat(cell(rows.get(1), FN)).isEqualTo("陶堃");
        assertThat(cell(rows.get(1), NOTE)).isEqualTo("老客户");
        assertThat(cell(rows.get(2), FN)).isEqualTo("王喆");
    }

    @Test
    void anEncodingTheOwnerChoseIsUsedForValuesWithoutCharset() throws Exception {
        Path f = dir.resolve("big5.vcf");
        Files.write(f, "BEGIN:VCARD\nVERSION:3.0\nFN:陳美玲\nEND:VCARD\n".getBytes(Charset.forName("Big5")));
        assertThat(cell(readAll(f, Charset.forName("Big5")).get(1), FN)).isEqualTo("陳美玲");
    }

    @Test
    void foldedLinesAreJoinedEvenInsideAMultiByteCharacter() throws Exception {
        byte[] note = "NOTE:在温哥华读书，东西一般寄到厦门父母家".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("BEGIN:VCARD\r\nVERSION:3.0\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < note.length; i += 20) { // 20 octets: cuts characters in two
            if (i > 0) {
                out.writeBytes("\r\n ".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(note, i, Math.min(20, note.length - i));
        }
        out.writeBytes("\r\nFN:林晓\r\n\t雨\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8));
        Path f = dir.resolve("folded.vcf");
        Files.write(f, out.toByteArray());
        SheetRow card = readAll(f, null).get(1);
        assertThat(cell(card, NOTE)).isEqualTo("在温哥华读书，东西一般寄到厦门父母家");
        assertThat(cell(card, FN)).isEqualTo("林晓雨");
    }

    @Test
    void crlfLfAndCrLineEndingsReadAlike() throws Exception {
        String card = "BEGIN:VCARD\nVERSION:3.0\nFN:Emily\n  Carter\nTEL:+1 415-555-0134\nEND:VCARD\n";
        List<String> lf = read(card).get(1).cells();
        assertThat(read(card.replace("\n", "\r\n")).get(1).cells()).isEqualTo(lf);
        assertThat(read(card.replace("\n", "\r")).get(1).cells()).isEqualTo(lf);
        assertThat(lf.get(COLUMNS.indexOf(FN))).isEqualTo("Emily Carter");
    }

    @Test
    void escapesAreUndoneAndStructuredValuesSplitOnlyAtUnescapedSemicolons() throws Exception {
        SheetRow card = read("""
                BEGIN:VCARD
                VERSION:3.0
                N:O\\;Brien;Pat;;;
                NICKNAME:Paddy,P\\,B
                ADR;TYPE=home:;;1 Main St\\, Apt 2\\;rear;Dublin;;D01;Ireland
                NOTE:line one\\nline two\\, with comma\\; semicolon \\\\ backslash C:\\Temp
                END:VCARD
                """).get(1);
        assertThat(cell(card, N_FAMILY)).isEqualTo("O;Brien");
        assertThat(cell(card, N_GIVEN)).isEqualTo("Pat");
        assertThat(cell(card, NICKNAME)).isEqualTo("Paddy, P,B");
        assertThat(cell(card, ADR_STREET)).isEqualTo("1 Main St, Apt 2;rear");
        assertThat(cell(card, ADR_CITY)).isEqualTo("Dublin");
        assertThat(cell(card, ADR_POSTCODE)).isEqualTo("D01");
        assertThat(cell(card, NOTE)).isEqualTo("line one\nline two, with comma; semicolon \\ backslash C:\\Temp");
    }

    @Test
    void groupedTelephonesAreAllKeptExceptFaxes() throws Exception {
        SheetRow card = read("""
                BEGIN:VCARD
                VERSION:3.0
                FN:林晓雨
                item1.TEL;type=pref:+86 138 0013 8005
                item1.X-ABLabel:移动电话
                TEL;type=CELL;type=VOICE:+1 (604) 555-0123
                item2.TEL:010 8888 0000
                item2.X-ABLabel:_$!<HomeFAX>!$_
                TEL;TYPE=FAX:010 8888 0001
                TEL;type=CELL:+86 138 0013 8005
                EMAIL;type=INTERNET;type=HOME:xiaoyu.lin@example.com
                EMAIL;type=INTERNET;type=WORK:lin@example.org
                END:VCARD
                """).get(1);
        assertThat(cell(card, TEL).split(SEPARATOR)).containsExactly("+86 138 0013 8005", "+1 (604) 555-0123");
        assertThat(cell(card, EMAIL).split(SEPARATOR)).containsExactly("xiaoyu.lin@example.com", "lin@example.org");
    }

    @Test
    void vcard40UrisBirthdaysWithoutYearAndMessengerAccounts() throws Exception {
        SheetRow card = read("""
                BEGIN:VCARD
                VERSION:4.0
                FN:叶子豪
                TEL;TYPE=cell;VALUE=uri:tel:+86-158-0000-1001
                EMAIL:mailto:ye@example.com
                BDAY:--0618
                IMPP;X-SERVICE-TYPE=QQ;type=pref:x-apple:10001024
                IMPP:weixin:yezh_gz
                ADR;TYPE=work:;;Work St;;;;
                ADR;TYPE=home;PREF=1:;;江南大道中168号;广州市;广东省;510240;中国
                END:VCARD
                """).get(1);
        assertThat(cell(card, TEL)).isEqualTo("+86-158-0000-1001");
        assertThat(cell(card, EMAIL)).isEqualTo("ye@example.com");
        assertThat(cell(card, BDAY)).isEqualTo("--0618");
        assertThat(cell(card, QQ)).isEqualTo("10001024");
        assertThat(cell(card, WECHAT)).isEqualTo("yezh_gz");
        assertThat(cell(card, ADR_STREET)).isEqualTo("江南大道中168号"); // the preferred address
        assertThat(cell(card, ADR_CITY)).isEqualTo("广州市");
    }

    @Test
    void androidStyleWeChatAndQqProperties() throws Exception {
        SheetRow card = read("BEGIN:VCARD\nVERSION:2.1\nFN:韩梅\nX-QQ:10001024\nX-WECHAT:hanmei_dl\nEND:VCARD\n").get(1);
        assertThat(cell(card, QQ)).isEqualTo("10001024");
        assertThat(cell(card, WECHAT)).isEqualTo("hanmei_dl");
    }

    @Test
    void aMissingEndIsReportedOnTheCardThatLacksIt() throws Exception {
        List<SheetRow> rows = read("""
                BEGIN:VCARD
                VERSION:3.0
                FN:张三
                TEL:13800138000
                BEGIN:VCARD
                VERSION:3.0
                FN:李四
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:王五
                TEL:13800138002
                """);
        assertThat(rows).hasSize(4);
        assertThat(cell(rows.get(1), FN)).isEqualTo("张三");
        assertThat(cell(rows.get(1), TEL)).isEqualTo("13800138000");
        assertThat(cell(rows.get(1), PROBLEM)).contains("END:VCARD is missing").contains("line 5");
        assertThat(cell(rows.get(2), FN)).isEqualTo("李四");
        assertThat(cell(rows.get(2), PROBLEM)).isEmpty();
        assertThat(rows.get(3).number()).isEqualTo(9);
        assertThat(cell(rows.get(3), FN)).isEqualTo("王五");
        assertThat(cell(rows.get(3), PROBLEM)).contains("the file ends inside this card");
    }

    @Test
    void photosAreSkippedAndJunkOutsideCardsIgnored() throws Exception {
        String photo = "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a\r\n"
                + " HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIy\r\n"
                + " MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAABAAED\r\n";
        String photo21 = "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n  /9j/4AAQSkZJRgABAQAAAQABAAD\r\n  HBwgJC4nICIsIxwcKDcpLDAx\r\n\r\n";
        List<SheetRow> rows = read("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张三\r\n" + photo + "TEL:13800138000\r\nEND:VCARD\r\n"
                + "some junk between cards\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:李四\r\n" + photo21 + "TEL:13800138001\r\nEND:VCARD\r\n");
        assertThat(rows).hasSize(3);
        assertThat(cell(rows.get(1), TEL)).isEqualTo("13800138000");
        assertThat(cell(rows.get(2), TEL)).isEqualTo("13800138001");
        assertThat(cell(rows.get(1), PROBLEM)).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
        Path f = dir.resolve("bom.vcf");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes("BEGIN:VCARD\nVERSION:3.0\nFN:张三\nEND:VCARD\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, out.toByteArray());
        assertThat(TableReaders.kind(f)).isEqualTo(TableReaders.Kind.VCARD);
        assertThat(cell(readAll(f, null).get(1), FN)).isEqualTo("张三");
    }

    @Test
    void theSampleFilesReadCompletely() throws Exception {
        List<SheetRow> android = readAll(Path.of("sample-data/contacts/android_contacts_vcard21.vcf"), null);
        assertThat(android).hasSize(8);
        SheetRow zhang = android.get(1);
        assertThat(cell(zhang, FN)).isEqualTo("张伟");
        assertThat(cell(zhang, ADR_STREET)).isEqualTo("浦东新区张杨路588弄梧桐苑12号302室");
        assertThat(cell(zhang, NOTE)).isEqualTo("淘宝 zhangwei1988 微信 zw_1988 老客户，买过三次茶具");
        assertThat(cell(android.get(3), TEL).split(SEPARATOR)).containsExactly("138-0013-8007", "13800138107");

        List<SheetRow> iphone = readAll(Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf"), null);
        assertThat(iphone).hasSize(8);
        SheetRow lin = iphone.get(1);
        assertThat(cell(lin, FN)).isEqualTo("林晓雨");
        assertThat(cell(lin, N_GIVEN)).isEqualTo("林晓雨");
        assertThat(cell(lin, ADR_STREET)).isEqualTo("思明区湖滨南路88号白鹭苑6号楼1203");
        assertThat(cell(lin, NOTE)).isEqualTo("在温哥华读书，东西一般寄到厦门父母家。\n淘宝 xiaoyu_lin, 微信 linxy_van; 2022年双十一买过三件");
    }

    private static String cell(SheetRow row, String column) {
        return row.cell(COLUMNS.indexOf(column));
    }

    private List<SheetRow> read(String text) throws Exception {
        Path f = Files.createTempFile(dir, "card", ".vcf");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return readAll(f, null);
    }

    private static List<SheetRow> readAll(Path f, Charset encoding) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (TableReader r = TableReaders.open(f, encoding)) {
            for (SheetRow row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
            assertThat(r.fractionRead()).isEqualTo(1.0);
        }
        return rows;
    }
}
