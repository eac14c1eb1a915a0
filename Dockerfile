# Builds the runnable jar and runs it on a slim JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin retainbot
WORKDIR /app
COPY --from=build /src/bot-app/target/retainbot.jar /app/retainbot.jar
COPY retainbot.example.yml /app/retainbot.example.yml
RUN mkdir -p /app/data && chown -R retainbot /app
USER retainbot
ENV DATA_DIR=/app/data HTTP_PORT=8080
EXPOSE 8080
# the memory settings the README gives: within 256 MB of resident memory (see its Performance section)
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx192m", "-jar", "/app/retainbot.jar"]
